// Every language's message words, for the server (the guest's client fetches its own
// tables lazily; a job renders any of them).
import type { Language } from "../../languages";
import ar from "./ar";
import de from "./de";
import en, { type MessageStrings } from "./en";
import es from "./es";
import fr from "./fr";
import it from "./it";
import ja from "./ja";
import nl from "./nl";
import pl from "./pl";
import pt from "./pt";
import zh from "./zh";

export const MESSAGE_STRINGS: Record<Language, MessageStrings> = { en, es, fr, de, it, pt, nl, pl, zh, ja, ar };
