package org.policytracker.catalogue;

/** Whether the source calls a target binding (约束性) or anticipatory (预期性). */
public enum Binding {
    BINDING,
    ANTICIPATORY
}
