package dev.switchboard.core.db;

/** A value type that {@link Database} binds as the plain value it wraps. */
public interface SqlValue {

    /** What is bound in a statement: a UUID, a string, a number. */
    Object sqlValue();
}
