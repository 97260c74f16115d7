package dev.shrink.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineInfoTest {

    @Test
    void aBusyMachineIsSaidSoAQuietOneIsNot() {
        assertNull(MachineInfo.busyNote(0.4, 1.9, 2));
        assertNull(MachineInfo.busyNote(Double.NaN, Double.NaN, 2), "no /proc/loadavg: nothing to say");
        String note = MachineInfo.busyNote(0.5, 15.2, 2);
        assertTrue(note.contains("15.2") && note.contains("2 processors"), note);
    }
}
