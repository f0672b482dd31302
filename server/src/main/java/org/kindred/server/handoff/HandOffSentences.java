package org.kindred.server.handoff;

import java.util.Locale;
import java.util.Map;
import org.kindred.protocol.Role;

/**
 * The sentences of a warm hand-off, in the member's language where Kindred has it (English,
 * Spanish, German, French; English otherwise): the invitation, and the notices that end a
 * private conversation. Calm and plain: an invitation, never a summons.
 */
final class HandOffSentences {
    private static final Map<String, String> INVITE = Map.of(
            "en", "Hi, I'm %s, %s at Kindred. I'd like to check in with you privately, just the two of us. "
                    + "Would you like to talk? It's completely okay to say no.",
            "es", "Hola, soy %s, %s de Kindred. Me gustaría hablar contigo en privado, solo nosotros dos. "
                    + "¿Quieres hablar? Está bien decir que no.",
            "de", "Hallo, ich bin %s, %s bei Kindred. Ich würde gern unter vier Augen mit dir sprechen, nur wir "
                    + "beide. Möchtest du reden? Es ist völlig in Ordnung, Nein zu sagen.",
            "fr", "Bonjour, je suis %s, %s chez Kindred. J'aimerais prendre de tes nouvelles en privé, juste "
                    + "nous deux. Veux-tu en parler ? Tu peux tout à fait dire non.");
    private static final Map<String, String> MODERATOR = Map.of(
            "en", "a moderator", "es", "del equipo de moderación", "de", "aus dem Moderationsteam",
            "fr", "de l'équipe de modération");
    private static final Map<String, String> SUPPORTER = Map.of(
            "en", "a peer supporter", "es", "acompañante de apoyo", "de", "Peer-Begleitung",
            "fr", "pair aidant");
    private static final Map<String, String> CLOSED = Map.of(
            "en", "This private conversation has ended. The rooms are still here for you, and so are the crisis "
                    + "lines whenever you need them.",
            "es", "Esta conversación privada ha terminado. Las salas siguen aquí para ti, y también las líneas de "
                    + "ayuda cuando las necesites.",
            "de", "Dieses private Gespräch ist beendet. Die Räume sind weiter für dich da, und die Krisentelefone "
                    + "auch, wann immer du sie brauchst.",
            "fr", "Cette conversation privée est terminée. Les salons sont toujours là pour toi, tout comme les "
                    + "lignes d'écoute, quand tu en as besoin.");

    /** To the staff member when the conversation ended. */
    static final String CLOSED_STAFF = "The private conversation has ended.";
    /** To the staff member when the member said no. */
    static final String DECLINED = "The person declined the private conversation for now. Their escalation stays "
            + "in your queue; the crisis lines and the rooms are still there for them.";

    private HandOffSentences() {
    }

    /** The invitation from {@code nick} (of {@code role}) in the language of {@code locale} (may be null). */
    static String invite(String locale, String nick, Role role) {
        String lang = language(locale);
        String title = ("supporter".equals(role.name().toLowerCase(Locale.ROOT)) ? SUPPORTER : MODERATOR).get(lang);
        return String.format(Locale.ROOT, INVITE.get(lang), nick, title);
    }

    /** To the member when the conversation ended, in the language of {@code locale} (may be null). */
    static String closed(String locale) {
        return CLOSED.get(language(locale));
    }

    private static String language(String locale) {
        if (locale == null) {
            return "en";
        }
        String lang = Locale.forLanguageTag(locale).getLanguage();
        return INVITE.containsKey(lang) ? lang : "en";
    }
}
