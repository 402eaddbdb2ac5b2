/**
 * Plugin code as a third party might write it, for the bytecode verifier's tests: each class makes
 * one kind of call the platform forbids, but {@link com.example.plugin.Clean}.
 */
package com.example.plugin;
