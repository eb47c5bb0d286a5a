package org.policytracker.system;

import java.util.List;

/** The three roles: viewers read; analysts also write values; admins also manage users. */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(VIEWER, ANALYST, ADMIN);

    /** The lower of two roles (viewer < analyst < admin): what a token of one role gives its owner of the other. */
    public static String lower(String a, String b) {
        return ALL.indexOf(a) <= ALL.indexOf(b) ? a : b;
    }

    private Roles() {
    }
}
