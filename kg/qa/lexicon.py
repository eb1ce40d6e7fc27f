"""Synonyms and function words: how different wordings of one idea meet.

Each concept gathers words and phrases that ask for the same thing in this
domain ("must", "required to", "obliged to" are all an obligation). A phrase
in a question or a catalogue phrasing is replaced by its concept, so a
question can match a catalogue question it shares no literal word with. The
lists are general English plus the vocabulary of NHS policy; they name no
catalogue question.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import MappingProxyType

_BUILT_IN: dict[str, tuple[str, ...]] = {
    # --- question words -------------------------------------------------
    "WHO": ("who", "whom", "whose", "which body", "which bodies", "which organisation",
            "which organisations", "what body", "what bodies", "what organisation",
            "what organisations", "which organization", "which organizations", "which party",
            "which parties", "by whom"),
    "WHEN": ("when", "what date", "which date", "what year", "which year", "what time",
             "what day", "how long ago", "since when", "by when", "timing", "timeline"),
    "WHERE": ("where",),
    "WHY": ("why", "reason", "reasons", "rationale", "justification", "justify", "grounds",
            "because", "motivation", "what for", "on what basis"),
    "HOWMANY": ("how many", "number of", "number", "count", "total", "tally", "how much",
                "quantity", "figure"),
    "DEFINE": ("define", "definition", "meaning", "mean", "means", "explain", "describe",
               "description", "stand for", "stands for", "tell me about", "what sort of",
               "what kind of", "refer to", "refers to", "short for", "abbreviation",
               "acronym", "abbreviate", "abbreviated"),
    # --- obligations and actions ------------------------------------------
    "MUST": ("must", "shall", "required", "require", "requires", "requirement to", "obliged",
             "obligation", "obligations", "have to", "has to", "need to", "needs to",
             "duty", "duties", "statutory duty", "should", "supposed to", "expected to",
             "bound to", "mandated", "compelled", "legally required", "responsibilities"),
    "REGARD": ("have regard to", "regard", "take into account", "take account of",
               "consider", "heed", "pay attention to", "be mindful of", "mindful", "factor in",
               "bear in mind", "give weight to", "take note of", "account for", "into account"),
    "ACCOUNTABLE": ("accountable", "accountability", "answerable", "answer for",
                    "responsible for", "responsibility for", "liable"),
    "AGREE": ("agree", "agrees", "approve", "approval", "sign off", "signs off", "ratify",
              "endorse", "authorise", "authorize", "sanction", "consent"),
    "OVERSEE": ("hold to account", "holds to account", "held to account", "oversee",
                "oversight", "scrutinise", "scrutinize", "scrutiny", "supervise",
                # Not "police": the police are an ICP's partners in the sources.
                "supervision", "monitor", "performance manage", "keep in check"),
    "TAKEOVER": ("take on", "takes on", "take over", "takes over", "inherit", "assume",
                 "succeed", "successor", "replace", "replaced", "replacement",
                 "predecessor", "supersede", "in place of"),
    "COLLAB": ("work closely with", "work with", "collaborate", "collaboration", "cooperate",
               "co-operate", "partner with", "liaise", "work together", "work alongside",
               "joint working", "engage with"),
    "PRODUCE": ("produce", "write", "draw up", "prepare", "author", "publish", "draft",
                "create", "develop", "drawn up", "put together", "come up with", "output"),
    # What a body is made of ("formed from", "members") is not who set it up ("established
    # by"): "formed" alone says either, "set up" or "founded" only the setting up.
    "FORM": ("form", "formed", "formation", "formed from", "created from", "made from",
             "constitute",
             "convene", "make up", "makes up", "made up", "comprise", "composed",
             "composition", "consist", "constituted", "membership", "member", "members",
             "belong", "belongs", "sit on", "sits on", "seat", "seats", "represented",
             "representation", "participant", "participate", "include", "includes",
             "bring together", "brings together", "brought together", "built around",
             "organised around", "based around"),
    "ESTABLISH": ("formed", "formation", "set up", "sets up", "setting up", "establish",
                  "established", "establishes", "establishment", "found", "founded",
                  "founding", "create", "created", "creates", "creation", "launch", "launched"),
    "PARTOF": ("become part of", "became part of", "absorbed into", "absorb", "absorbed",
               "merged into", "merging into", "merge into", "folded into", "subsumed",
               "incorporated into", "taken into", "ended up in", "end up in",
               "ended up as part of", "swallowed"),
    "MERGE": ("come together", "came together", "brought together", "bring together",
              "merge", "merged", "merger", "combine", "combined", "amalgamate", "unite",
              "united", "consolidate", "fold into", "join", "joined", "pool"),
    "PART": ("part of", "part", "within", "inside", "under", "constituent", "component",
             "belong to", "make up", "subsidiary", "contain", "contains"),
    "GOLIVE": ("go live", "goes live", "went live", "go-live", "launch", "launched",
               "start operating", "begin operating", "become operational", "operational",
               "come into being", "come into force", "take effect", "start", "begin",
               "commence", "kick off", "open for business", "up and running"),
    "ABOLISH": ("abolish", "abolished", "abolition", "disband", "disbanded", "dissolve",
                "dissolved", "scrap", "scrapped", "wind up", "wound up", "cease to exist",
                "ceased to exist", "close down", "closed down", "end", "ended", "shut down",
                "stop existing", "cease", "ceased", "get rid of", "axed", "go away"),
    "TRANSFER": ("transfer", "transferred", "move", "moved", "go to", "end up", "relocate",
                 "redeploy", "what happens to", "happen to", "destination", "migrate",
                 "pass to", "passed to", "hand over"),
    "STAFF": ("staff", "employee", "employees", "workforce", "personnel", "worker",
              "workers", "people employed", "team", "headcount"),
    "CHAIR": ("chair", "chairs", "chaired", "chairman", "chairwoman", "chairperson",
              "head", "heads", "lead", "leads", "led by", "leader", "presides", "preside",
              "runs", "in charge"),
    "PREFER": ("prefer", "preferred", "preference", "favour", "favor", "favoured",
               "favored", "favourite", "choose", "chose", "choice", "pick", "picked",
               "recommend", "recommended", "back", "backed", "support", "opt for", "opted",
               "like best", "go for", "went for", "lean towards", "express a preference",
               "expressed a preference", "expresses a preference"),
    "OPTION": ("option", "options", "proposal", "proposals", "alternative", "alternatives",
               "model", "models", "approach", "approaches", "choice", "possibility",
               "possibilities", "route", "way forward"),
    "LEGISLATE": ("legislative", "legislation", "law", "laws", "legal", "legally", "statute",
                  "statutory footing", "bill", "act of parliament", "put into law"),
    "SHARE": ("share", "shared", "common", "in common", "both", "similar", "similarity",
              "similarities", "alike", "overlap", "the same", "identical", "each other"),
    "DIFFER": ("differ", "different", "difference", "differences", "distinguish",
               "distinct", "compare", "comparison", "contrast", "versus", "vs", "unlike",
               "set apart", "vary"),
    "STEP": ("step", "steps", "next steps", "stage", "stages", "action point", "actions"),
    "FUND": ("fund", "funding", "money", "budget", "budgets", "finance", "finances",
             "financial", "pot", "allocation", "allocations", "spend", "spending",
             "resource", "resources", "cash", "revenue", "income"),
    "METRIC": ("metric", "metrics", "measure", "measures", "indicator", "indicators", "kpi",
               "measurement", "yardstick", "benchmark", "score"),
    "DEADLINE": ("deadline", "deadlines", "due", "due date", "target date", "cut-off",
                 "time limit", "by when", "expected by", "needed by", "by april",
                 "by september"),
    "ROLE": ("role", "roles", "function", "functions", "task", "tasks", "tasked", "job",
             "jobs", "purpose", "remit", "responsibilities", "carry out", "carries out",
             "perform", "performs", "undertake", "undertakes", "work on", "charged with",
             "meant to do"),
    # Not "positive": it stems like "position", which asks for a role.
    "GAIN": ("gain", "gains", "lesson", "lessons", "learning", "learnings", "achievement",
             "achievements", "improvement", "improvements",
             "keep", "retain", "preserve", "lock in", "locked in", "hold on to", "sustain"),
    "PANDEMIC": ("pandemic", "covid", "covid-19", "coronavirus", "lockdown", "crisis"),
    "TIER": ("tier", "tiers", "level", "levels", "layer", "layers", "scale", "footprint",
             "footprints", "neighbourhood", "neighbourhoods", "neighborhood"),
    "POPULATION": ("population", "populations", "resident", "residents", "inhabitant",
                   "inhabitants", "people served", "serve", "serves", "cover", "covers",
                   "size", "how big", "patients", "patient", "look after", "looks after",
                   "care for", "cares for"),
    "AIM": ("aim", "aims", "goal", "goals", "objective", "objectives", "ambition",
            "ambitions", "target", "targets", "intend", "intention", "hope", "want to achieve",
            "priority", "priorities", "strive"),
    "FOCUS": ("focus", "focuses", "focus area", "focus areas", "concentrate", "priority",
              "priorities", "emphasis", "key area", "key areas", "area of work", "workstream"),
    "MISSION": ("mission", "mission statement", "purpose"),
    "VISION": ("vision", "vision statement", "future picture", "aspiration"),
    "BENEFIT": ("benefit", "benefits", "advantage", "advantages", "upside", "gain from",
                "good for", "value", "pro", "pros", "what do they get", "plus side",
                "bring", "brings", "offer", "offers"),
    "STATUTORY": ("statutory", "statutory body", "legal body", "legal standing",
                  "legal status", "legal entity", "legal footing", "legally constituted",
                  "in law", "legal personality", "legally recognised"),
    "COMMISSION": ("commission", "commissioning", "commissioner", "commissioners", "buy",
                   "buying", "purchase", "purchasing", "procure", "procurement", "plan and buy"),
    "DECIDE": ("decision", "decisions", "decide", "decided", "decision-making",
               "make decisions", "determine", "governance", "govern", "governed"),
    "PLACE": ("place", "places", "locality", "localities", "borough", "boroughs",
              "local area", "local areas", "place level", "place-level"),
    "LARGE": ("large", "big", "largest", "biggest", "size", "ranking", "rank", "ranked"),
    "SECOND": ("second", "2nd", "runner up", "next largest", "number two"),
    "EXIST": ("exist", "existed", "existing", "there be", "in existence", "around",
              "operating", "in operation", "active", "operate", "operates", "operate in",
              "work in", "works in", "working in", "active in", "present in"),
    "DEVOLVE": ("devolve", "devolved", "devolution", "devolved area", "devolved areas"),
    "ANNOUNCE": ("announce", "announced", "announcement", "named", "designate", "go-ahead",
                 "go ahead", "given the go-ahead", "got the go-ahead", "green light",
                 "designated", "select", "selected", "chosen", "identified", "unveil",
                 "unveiled", "declared", "reveal", "revealed", "confirmed", "picked out",
                 "picked", "pick"),
    "BECOME": ("become", "became", "turn into", "turned into", "convert", "converted",
               "transform", "transformed", "evolve", "evolved", "develop into",
               "graduate", "graduate to", "progress to", "be made", "mature into",
               "mature", "move to being"),
    "REMAIN": ("remain", "remains", "remained", "stay", "stays", "stayed", "continue to be",
               "continues to be", "go on being"),
    "NEW": ("new", "newly", "fresh", "novel", "introduce", "introduced", "introduction",
            "latest"),
    "SYSTEM_WIDE": ("system-wide", "system wide", "across the system", "whole system"),
    "DIFFER_SECTOR": ("nhs and local government", "local government"),
    "CONSTITUTION": ("constitution", "constitutions", "founding document", "rules",
                     "standing orders"),
    "PLAN": ("plan", "plans", "strategy", "strategies", "blueprint", "programme", "document",
             "documents", "assessment", "assessments", "report", "reports", "paper",
             "publication"),
    "CORE": ("core", "key", "main", "essential", "fundamental", "central", "principal"),
    "MINIMUM": ("minimum", "at minimum", "at a minimum", "at least", "at the least",
                "as a minimum", "mandatory", "compulsory", "obligatory", "must include"),
    "BREAKEVEN": ("break even", "breaks even", "breaking even", "balance the books",
                  "balance their books", "balance its books", "balanced budget",
                  "balance its budget", "balance their budget", "balanced books"),
    "DEFICIT": ("deficit", "deficits", "overspend", "overspending",
                "in the red"),
    "BOARD": ("board", "boards", "board member", "board members", "directors",
              "governing body"),
    # A change one way or the other: "did X see an increase in Y?" against "fewer Y".
    "RISE": ("increase", "increased", "increases", "increasing", "rise", "rises", "rose",
             "risen", "grow", "grew", "grown", "growth", "higher", "went up", "gone up"),
    "DROP": ("fewer", "decrease", "decreased", "decreases", "reduce", "reduced", "reduces",
             "reduction", "reducing", "lower", "fall", "fell", "fallen", "drop", "dropped",
             "less", "went down", "gone down"),
}


def _with_data(built_in: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The built-in concepts plus the phrases of ``lexicon.toml`` (kept as data)."""
    extra = tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    merged = dict(built_in)
    for concept, phrases in extra.items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise ValueError(f"{LEXICON_FILE}: {concept} must be a list of phrases")
        merged[concept] = tuple(dict.fromkeys((*merged.get(concept, ()), *phrases)))
    return merged


# The words a yes/no question opens with ("Is...", "Did...", "Can...").
YES_NO = frozenset({"is", "are", "was", "were", "does", "do", "did", "has", "have", "had",
                    "can", "could", "will", "would", "must", "should", "shall", "may"})
# Concepts that cannot both hold of one thing: a statement of one answers "no" to a
# question of the other ("must NHS bodies break even?" against "may run a deficit").
OPPOSITES: MappingProxyType[str, str] = MappingProxyType({
    "~BREAKEVEN": "~DEFICIT", "~DEFICIT": "~BREAKEVEN", "~RISE": "~DROP", "~DROP": "~RISE"})
# What a source of a kind says of every statement it holds: a webinar's people spoke there,
# so "what did the webinar speakers say" is explained by any statement of its summary.
SOURCE_KIND_WORDS: MappingProxyType[str, str] = MappingProxyType({"webinar": "speakers spoke"})
LEXICON_FILE = Path(__file__).with_name("lexicon.toml")
CONCEPTS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(_with_data(_BUILT_IN))

# Words that carry no intent. Wh-words are concepts above, never stopwords.
STOPWORDS = frozenset((
    "a", "an", "the", "of", "to", "for", "in", "on", "at", "by", "with", "from", "into", "if",
    "onto", "about", "as", "and", "or", "but", "nor", "so", "than", "then", "be", "do",
    "among", "amongst",
    "have", "it", "its", "it's", "this", "that", "these", "those", "there", "their", "them",
    "they", "he", "she", "his", "her", "him", "i", "me", "my", "we", "our", "us", "you",
    "your", "yours", "please", "tell", "show", "list", "give", "name", "names", "let",
    "know", "known", "can", "could", "would", "will", "may", "might", "also", "just", "only",
    "ever",
    "really", "actually", "exactly", "currently", "any", "some", "all", "each", "every",
    "one", "ones", "other", "such", "very", "much", "more", "most", "many", "few", "what",
    "which", "is", "are", "was", "were", "been", "being", "am", "does", "did", "done",
    "has", "had", "having", "kindly", "want", "wondering", "curious", "need", "find", "out",
    "info", "information", "details", "detail", "thing", "things", "stuff", "ok", "okay",
    "hi", "hello", "hey", "thanks", "thank",
))
