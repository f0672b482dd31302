package org.kindred.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @Test
    void readsGcPausesFromJstat() {
        String out = "    S0C    S1C    S0U    S1U      EC       EU        OC         OU       MC     MU    CCSC   CCSU   YGC     YGCT    FGC    FGCT     CGC    CGCT     GCT   \n"
                + "  0.0 4096.0   0.0 3095.3  16384.0      0.0  376832.0    4020.0  8512.0 8279.2 1088.0  968.0     12    0.250     1    0.100     2    0.012    0.362\n";
        long[] gc = ProcProbe.parseJstatGc(out);
        assertEquals(15, gc[0]);
        assertEquals(362_000_000L, gc[1]);
        assertNull(ProcProbe.parseJstatGc("12345 not found\n"));
    }

    @Test
    void readsOwnGcPauses() {
        long[] gc = ProcProbe.gcPauses(ProcessHandle.current().pid());
        assertNotNull(gc, "jstat reads this JVM");
        assertTrue(gc[0] >= 0 && gc[1] >= 0);
    }
}
