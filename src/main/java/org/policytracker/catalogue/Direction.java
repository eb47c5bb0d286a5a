package org.policytracker.catalogue;

/** Which way a value moves: up (higher) or down (lower). */
public enum Direction {
    UP,
    DOWN
}
