package org.kindred.server.crisis;

import org.junit.jupiter.api.Test;
import org.kindred.server.text.Normalizer;

class RiskAssessorSmokeTest {
    @Test
    void loads() {
        RiskAssessor a = RiskAssessor.withBundledRules(new Normalizer());
        System.out.println("rules " + a.ruleCount());
        for (String s : new String[] {"I want to die", "iwanttodie", "this traffic is killing me", "I would never kill myself",
                "I'm going to kill myself tonight", "ich will nicht mehr leben", "me quiero morir", "je veux mourir"}) {
            System.out.println(s + " -> " + a.assess(s, null));
        }
    }
}
