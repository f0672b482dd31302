package org.kindred.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcProbeTest {
    @Test
    void cpuTicksAreUtimePlusStimeEvenWithSpacesInTheName() {
        String stat = "1234 (java main) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 30 0 100 0 0";
        assertEquals(325, ProcProbe.parseCpuTicks(stat));
        assertEquals(75, ProcProbe.parseTicks(stat)[1]);
    }

    @Test
    void readsOwnCpuAndRss() throws Exception {
        long pid = ProcessHandle.current().pid();
        assertTrue(ProcProbe.cpuNanos(pid) > 0);
        assertTrue(ProcProbe.rssBytes(pid) > 1024 * 1024);
    }

    @Test
    void readsG1HeapUse() throws Exception {
        String info = "12345:\n garbage-first heap   total 262144K, used 20480K [0x0000, 0x0000)\n"
                + "  region size 1024K, 3 young (3072K), 0 survivors (0K)\n";
        assertEquals(20480L * 1024, ProcProbe.parseG1Used(info));
    }

    @Test
    void readsThePerfCount() {
        String csv = "# started on Sat\n\n56705,,raw_syscalls:sys_enter,6000000000,100.00,,\n";
        assertEquals(56705, ProcProbe.parsePerfCsv(csv));
        assertEquals(-1, ProcProbe.parsePerfCsv("<not counted>,,raw_syscalls:sys_enter,0,0.00,,\n"));
    }
}
