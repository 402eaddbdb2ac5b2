package dev.switchboard.core.crm.contacts;

/** Do-not-disturb per channel: a blocked channel sends this contact nothing (dnd blocks them all). */
public record DndSettings(boolean sms, boolean email, boolean call, boolean whatsapp) {
}
