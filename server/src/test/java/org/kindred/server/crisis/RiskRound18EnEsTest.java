package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The eighteenth round's English and Spanish kinds, with the rules alone (blocks and entries marked
 * "round 18 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml};
 * docs/crisis.md "Eighteenth round: English and Spanish"). Every line is written for this test (none
 * is a line of a labelled set); each kind's everyday look-alikes are in the same test, and must stay
 * quiet or below a page.
 */
class RiskRound18EnEsTest {
    @Test
    void aPlanNamedForAnOutingIsNoDecidedTime() {
        assertNull(level("the plan for saturday is tacos and a film, that's the whole plan"));
        assertNull(level("our plan tonight is to sleep ten hours"));
        assertNull(level("i have a plan. its friday brunch with my sister"));
        assertNull(level("tengo un plan. el sábado nos vamos a la playa"));
        // a plan of one's own, with its day, is still imminent
        assertEquals(RiskLevel.IMMINENT, level("i have a plan. its friday"));
        assertEquals(RiskLevel.IMMINENT, level("llevo un mes planeándolo, será el sábado"));
        assertEquals(RiskLevel.IMMINENT, level("ya lo planeé, el viernes cuando se duerman"));
    }

    @Test
    void aDecisionAboutAnEverydayChangeIsNoPlan() {
        assertNull(level("i've decided, monday i hand in my notice"));
        assertNull(level("made up my mind, tomorrow im asking for a raise"));
        // a decision with a day and "do it" stays imminent
        assertEquals(RiskLevel.IMMINENT, level("i've decided. monday i'll do it"));
    }

    @Test
    void recoveryToldAsAPresentGoodInOtherWords() {
        assertNoPage("i used to think about ending my life every night. now im married and genuinely happy");
        assertNoPage("in 2018 i tried to kill myself, today im doing great");
        assertNoPage("en 2019 intenté matarme y me ingresaron, hoy llevo dos años bien");
        // the wish still there
        assertAtLeast(RiskLevel.HIGH, "i used to think about ending my life. i still do every night");
        assertAtLeast(RiskLevel.HIGH, "en 2019 intenté matarme y hoy quiero volver a intentarlo");
    }

    @Test
    void aLastPostToldWithItsPlaceIsAGoodbye() {
        assertEquals(RiskLevel.IMMINENT, level("this is the last thing ill write on here. thanks for everything"));
        assertEquals(RiskLevel.IMMINENT, level("thats the last thing i'm gonna post in this group"));
        assertEquals(RiskLevel.IMMINENT, level("este es el último mensaje que os escribo por aquí"));
        // a last post for the night, or before a move to another chat
        assertNull(level("this is the last thing ill post here tonight, need sleep"));
        assertNull(level("this is the last thing i'll post here, we're switching to the new server"));
        assertNull(level("este es el último mensaje que escribo aquí, nos vemos en el grupo nuevo"));
    }

    @Test
    void aWholePackJustTakenWithoutAPillWordIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("me acabo de tomar todas las del blíster, estoy mareado"));
        assertEquals(RiskLevel.IMMINENT, level("acabo de tragarme el bote entero"));
        assertEquals(RiskLevel.IMMINENT, level("just swallowed everything in the box, room is spinning"));
        assertEquals(RiskLevel.IMMINENT, level("took the entire blister a minute ago"));
        // food, drink and recycling
        assertNull(level("me acabo de comer todas las galletas de la caja jaja"));
        assertNull(level("acabo de tomarme la caja entera de cereales"));
        assertNull(level("drank the whole bottle of water after the run"));
        assertNull(level("took all of the boxes to the recycling"));
    }

    @Test
    void thingsGivenAwayForAnEverydayReasonAreNoGoodbye() {
        assertNoPage("giving away all my books because we're moving to a smaller flat");
        assertNoPage("decluttering this weekend so i gave away all my clothes that dont fit");
        // given away with nothing to say why, or because they won't be needed
        assertAtLeast(RiskLevel.HIGH, "gave away all my books");
        assertEquals(RiskLevel.IMMINENT, level("gave away all my clothes, i wont need them anymore"));
    }

    @Test
    void everydayLookAlikesOfTheTrainingSetsStayQuiet() {
        assertNoPage("baking bread from scratch tonight, wish me luck");
        assertNoPage("the last text i got from him was about the rent, whatever");
        assertNoPage("last message from me for today, bed time, see you tomorrow");
        assertNoPage("my uncle used to say ill kill myself if the team loses, he never meant it");
        assertNoPage("the nurse asked if i want to die and i said no, not anymore, and meant it");
        assertNoPage("llevo toda la semana en la oficina, estoy quemadísima");
        assertNoPage("he donado mis apuntes a la biblioteca, ya no me hacen falta");
        assertNoPage("mi último mensaje de hoy, me voy a dormir que mañana madrugo");
        assertNoPage("heading to the bridge club tonight with my gran");
        assertNoPage("my notes are done for the exam, in my drawer");
        // the risk lines next to them
        assertAtLeast(RiskLevel.HIGH, "scratched my arms again last night");
        assertEquals(RiskLevel.IMMINENT, level("mi último mensaje, me voy a dormir para siempre"));
    }

    @Test
    void anOverdoseInProgressToldByItsEffectOrCountIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("ya empezó, se me nubla la vista"));
        assertEquals(RiskLevel.IMMINENT, level("está empezando a hacer efecto, me noto muy mareada"));
        assertEquals(RiskLevel.IMMINENT, level("me he tomado como 30 de las que me recetaron"));
        assertEquals(RiskLevel.IMMINENT, level("me tomé 3 blísters hace un rato"));
        assertEquals(RiskLevel.IMMINENT, level("acabo de beberme media botella de lejía"));
        assertEquals(RiskLevel.IMMINENT, level("theyre kicking in, so drowsy"));
        assertEquals(RiskLevel.IMMINENT, level("took them all like an hour ago"));
        // a film that began, a painkiller working, a count of sweets
        assertNull(level("ya empezó la peli, qué sueño tengo"));
        assertNull(level("el ibuprofeno ya está haciendo efecto, qué alivio"));
        assertNull(level("me tomé como 20 de las galletas de mi abuela"));
        assertNull(level("its kicking in, the coffee i mean, finally awake"));
    }

    @Test
    void aGoodbyeWithTheWordOrTheBlameSaidIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("gracias por todo, esta es mi despedida"));
        assertEquals(RiskLevel.IMMINENT, level("última vez que entro aquí, os quiero"));
        assertEquals(RiskLevel.IMMINENT, level("si mañana no contesto, que nadie se culpe"));
        assertEquals(RiskLevel.IMMINENT, level("this is the last time anyone will hear from me"));
        assertEquals(RiskLevel.IMMINENT, level("once this sends im doing it"));
        // an everyday farewell
        assertNull(level("si mañana no contesto es que estoy en el examen"));
        assertNoPage("la despedida de soltera es el sábado!!");
        assertNoPage("this is the last time you'll hear me complain about my boss lol");
    }

    @Test
    void aDateSetOrADecisionWithItsDayIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("ya tengo la fecha, el domingo"));
        assertEquals(RiskLevel.IMMINENT, level("lo he decidido, mañana"));
        assertEquals(RiskLevel.IMMINENT, level("hoy es el día, no hay vuelta atrás"));
        assertEquals(RiskLevel.IMMINENT, level("at 2am im doing it"));
        assertEquals(RiskLevel.IMMINENT, level("fridays the day. made up my mind"));
        // an outing decided, the date of an exam
        assertNull(level("está decidido, el sábado vamos al cine"));
        assertNull(level("la fecha del examen es el viernes"));
        assertNoPage("fridays the day we get paid lol");
    }

    @Test
    void atAHighPlaceNowOrHeadingThereIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("estoy sola en la azotea, hace frío"));
        assertEquals(RiskLevel.IMMINENT, level("me voy al puente ahora mismo"));
        assertEquals(RiskLevel.IMMINENT, level("im on the roof by myself"));
        assertEquals(RiskLevel.IMMINENT, level("on my way to the tracks now"));
        // a view, a chore, a walk with friends
        assertNull(level("estoy en la azotea tomando el sol con mis amigas"));
        assertNull(level("im on the roof fixing the satellite dish alone"));
        assertNull(level("heading to the bridge now to take sunset photos"));
    }

    @Test
    void affairsPutInOrderAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("he dejado el testamento y las contraseñas en un sobre"));
        assertEquals(RiskLevel.IMMINENT, level("paid all my bills and left my passwords in an envelope for my sister"));
        // paperwork as paperwork
        assertNoPage("he pagado las facturas del mes, todo en orden");
        assertNoPage("updated my passwords, all sorted for the new job");
    }

    @Test
    void methodThoughtsPastAttemptsAndSelfHarmInOtherWordsAreHigh() {
        assertEquals(RiskLevel.HIGH, level("i keep picturing jumping in front of the bus"));
        assertEquals(RiskLevel.HIGH, level("cant get the thought of overdosing out of my head"));
        assertEquals(RiskLevel.HIGH, level("suicide keeps creeping into my mind at night"));
        assertEquals(RiskLevel.HIGH, level("woke up in icu after swallowing too many, years ago"));
        assertEquals(RiskLevel.HIGH, level("smashed my head against the door until it bled"));
        assertEquals(RiskLevel.HIGH, level("my thighs are a mess again"));
        // everyday pictures and knocks
        assertNull(level("i keep picturing the holiday, cant wait"));
        assertNull(level("hit my head on the door again lol clumsy"));
        assertNull(level("my legs are a mess after the hike"));
    }

    @Test
    void theSameKindsInMoreWordsAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("swallowed them, its kicking in, lips going numb"));
        assertEquals(RiskLevel.IMMINENT, level("took whatever was in the bathroom cabinet"));
        assertEquals(RiskLevel.IMMINENT, level("i'm ending it tonight"));
        assertEquals(RiskLevel.IMMINENT, level("this time tomorrow i wont be a bother"));
        assertEquals(RiskLevel.IMMINENT, level("i'm not gonna be around much longer"));
        assertEquals(RiskLevel.IMMINENT, level("car's running in the garage, door shut"));
        assertEquals(RiskLevel.IMMINENT, level("took my dads gun out, just holding it"));
        assertEquals(RiskLevel.IMMINENT, level("finished my letters and left them on the table"));
        // a break-up, a bag unpacked, a gun cleaned, a work letter
        assertNull(level("im ending it with him tonight, hes a cheat"));
        assertNull(level("took everything in my bag out to find my keys"));
        assertNull(level("got my dads rifle out to clean it for hunting season"));
        assertNull(level("finished my letter to the landlord about the boiler"));
    }
}
