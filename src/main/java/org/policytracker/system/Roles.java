package org.policytracker.system;

import java.util.List;

/** The three roles: viewers read; analysts also write values; admins also manage users. */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(VIEWER, ANALYST, ADMIN);

    private Roles() {
    }
}
