"""General boilerplate line patterns that survive main-content extraction.

Extractors pick the right container but often keep the chrome inside it: share bars,
"Read more" links, newsletter prompts, ad labels. These rules are deliberately generic
(no per-site rules) so they hold on pages we have never seen.
"""

from __future__ import annotations

import re
import unicodedata

from index.ingest.foreign_chrome import FOREIGN_LABEL_RE, FOREIGN_LINK_RE

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# a date standing alone is a byline remnant, not reporting
_DATE = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:"
    + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    + r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+\d{4}|"
    + r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)

# Calls to action with a shop or a form behind them, never a sentence of reporting.
_STORE = r"[\w.&'-]+(?:\s+[\w.&'-]+){0,3}"  # a shop's name: "Amazon", "Williams Sonoma"
_BUTTON = r"""
    buy(?:\s+it)?(?:\s+(?:now|today))?(?:\s+(?:on|at|from)\s+_STORE)?|
    (?:check|see|view|compare|get)\s+(?:the\s+)?(?:latest\s+|best\s+|current\s+)?(?:new\s+|used\s+)?(?:[\w-]+\s+)?
        (?:price|prices|deal|deals|offer|offers|availability)(?:\s+(?:on|at|from|with)\s+_STORE)?|
    (?:view|shop|see)\s+(?:it\s+)?(?:on|at)\s+_STORE|
    (?:shop|order|book|apply|donate|enrol+|register)\s+(?:now|today|here|online)|register\s+(?:for\s+)?free|
    give\s+(?:[$£€]\s?\d+\s+)?(?:monthly|once|now|today|annually|yearly)|
    [$£€]\s?[\d.,]+\s+(?:at|on|from)\s+_STORE|
    (?:read|check\s+out)\s+(?:the\s+|our\s+)?(?:full\s+|in-depth\s+)?(?:[\w.&'()+-]+\s+){0,6}?review|
    jump\s+to\s+(?:review|recipe|details|product)|
    price\s+comparison(?:\s+from\s+(?:over\s+)?[\w.,&'-]+(?:\s+[\w.,&'-]+){0,3})?|(?:best\s+)?prices?\s+today|
    add\s+to\s+(?:cart|basket|bag|wishlist)|
    (?:get|request|book|schedule)\s+(?:a|an|your|my)\s+(?:free\s+|personali[sz]ed\s+|custom\s+|instant\s+)?
        (?:quote|demo|consultation|call|estimate|trial)(?:\s+(?:now|today))?|
    (?:get|compare)\s+(?:free\s+)?(?:quotes|estimates)|
    (?:start|try)\s+(?:your\s+|a\s+)?(?:free\s+trial|(?:it\s+)?for\s+free)|
    (?:go\s+to|visit)\s+(?:the\s+)?(?:website|site|store|shop)|
    (?:starting|starts|prices?\s+(?:start|from))\s+(?:at\s+|from\s+)?[$£€]\s?[\d.,]+(?:\s*/\s*\w+)?|
    loading(?:\s+\w+){0,4}\s*(?:…|\.\.\.)""".replace("_STORE", _STORE)
_BUTTONS = r"(?:" + _BUTTON + r")(?:\s*[|·•/]?\s*(?:" + _BUTTON + r"))*"
_PHONE = r"(?:\s*[:|·-]?\s*(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})?"  # "Get a Quote (212) 203-0280"
_BUTTON_ROW = re.compile(r"^" + _BUTTONS + _PHONE + r"[\s:.!>»›→…|-]*$", re.IGNORECASE | re.VERBOSE)

# The age or the sponsor printed beside a teaser in a feed or under a page's headline: "3 hours ago", "2h",
# "Courts | Yesterday", "11:42 a.m.", "Updated 2 hours ago", "Last update: about 5 hours ago", "Sponsored by HomeGuard
# Roofing"
_STAMP = r"""(?:(?:[\w&'’ ]{1,30}\s*[|•·]\s*)?(?:(?:(?:last\s+)?update[ds]?|published|posted)\s*:?\s*(?:about\s+)?)?
    (?:\d{1,3}\s*(?:s|m|h|d|w|secs?|seconds?|mins?|hrs?|minutes?|hours?|days?|weeks?)\s+ago
    |\d{1,3}\s*[hdw]|yesterday|just\s+now|\d{1,2}:\d{2}\s*[ap]\.?\s?m\b\.?(?:\s+[a-z]{2,4})?)
    |sponsored\s+by\s+[\w&'’.,-]+(?:\s+[\w&'’.,-]+){0,5})"""
_STAMP_RE = re.compile(r"^" + _STAMP + r"\W*$", re.IGNORECASE | re.VERBOSE)

# An embedded post's signature under its text: "— Teo Marchetti (@teomarchetti) March 3, 2025", "— Maren
# Solvik (@marensolvik.bsky.social) February 9, 2025 at 8:14 AM"
_SIGNATURE = (r"[—–-]\s*[^()\n]{2,60}\(@[\w.-]+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}"
              r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?")
EMBED_SIGNATURE_RE = re.compile(r"^" + _SIGNATURE + r"\W*$")

# An embedded post's count and what it counts: "1.4K", "reactions"
# a stock's change beside its price: "-4.79 (-11.00%)"
_QUOTE = r"[+\-−–]?[\d,]+(?:\.\d+)?\s*\([+\-−–]?\d+(?:\.\d+)?%\)"
STOCK_QUOTE_RE = re.compile(r"^" + _QUOTE + r"$")
_COUNT = r"[\d,.]+[km]?"
_COUNTED = r"(?:likes|retweets|reposts|views|reactions|comments|shares)"
# Whole-line matches: short lines that are nothing but a prompt or a label.
_EXACT = re.compile(
    r"""^(?:
        advertisement|advertisements|advertising|sponsored(?:\s+content)?|sponsor\s+message|ad|ads|
        advertisement\s+\d{1,2}|or|
        # ad slots: "Story continues below advertisement", "Advertisement - Page continues below"
        (?:(?:advertisements?|ad)\s*[-–—:|]?\s*)?(?:(?:the\s+)?(?:story|article|page|content|text|post)\s+)?
            continues?(?:\s+reading)?\s+(?:below|after|under)(?:\s+(?:this\s+|the\s+)?(?:ad|advert|advertisement|gallery|video|photos?|slideshow))?|
        # a video player's and a gallery's own words: "Video Ad Feedback", "More Videos ...", "3 of 14"
        (?:video\s+)?ad\s+feedback|replay|more\s+videos|just\s+watched|must\s+watch|(?:latest|related)\s+videos?|
        (?:image|photo|slide\s+)?\d{1,3}\s+(?:of|/)\s+\d{1,3}|link\s+copied(?:\s+to\s+(?:the\s+)?clipboard)?|
        save\s+(?:to\s+(?:your\s+)?(?:reading\s+list|favou?rites|bookmarks)|for\s+later)|
        # a stock's quote (not its bare price, which a table's cell may be): "-4.79 (-11.00%)", "Volume 6.2M"
        _QUOTE|volume\s+[\d.,]+\s*[kmb]?|
        # an embedded post's frame: "View this post on Instagram", "2,114,507 likes", "Add a comment..."
        view\s+(?:this\s+post|more)\s+on\s+\w+|add\s+a\s+comment(?:\.{3}|…)?|
        # and its counts, alone or in a row: "2,114,507 likes", "1.4K reactions · 612 comments · 208 shares"
        (?:[a-z]{3}\s\d{1,2}\s*·\s*)?(?:_COUNT\s+_COUNTED|_COUNT(?:\s+_COUNTED)?(?:\s*[·•|]\s*_COUNT(?:\s+_COUNTED)?)+
            |_COUNT\s+_COUNTED(?:\s+_COUNT\s+_COUNTED)+)|
        public\s+group|support\s+independent\s+(?:reporting|journalism)|
        # a release's end mark: "ENDS", "###", "-30-"
        ends|\#\#\#|-\s?30\s?-|
        # the outlet's own links: "Advertise with us", "Korean version"
        advertise\s+with\s+(?:us|[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3})|
        (?:korean|chinese|japanese|spanish|french|german|arabic|hindi|urdu|bengali|english|mobile|desktop|full|amp)
            \s+(?:version|edition)|
        """.replace("_COUNTED", _COUNTED).replace("_COUNT", _COUNT).replace("_QUOTE", _QUOTE) + _SIGNATURE
    + r"""|paid\s+(?:partner\s+)?content|
        # an embedded post's frame as a public broadcaster prints it: "Skip twitter post by Cornwall Highways",
        # "End of twitter post by ...", "Embedded content: Met Éireann"; a player's and an app's buttons
        (?:skip|end\s+of)\s+(?:twitter|x|facebook|instagram|tiktok|youtube|bluesky|threads)\s+(?:post|content|video)
            (?:\s+\d{1,2})?(?:\s+by\s+[^.!?]{1,50})?|embedded\s+content(?:\s*:\s*[^.!?]{1,40})?|
        play\s+video|download\s+now|join(?:\s+(?:now|today|us|here|free|for\s+free))?|
        # a correction's link, a widget still loading, a post's count of replies, a shop's button
        suggest\s+a\s+correction|(?:interactive\s+)?(?:map|chart|graphic|widget|content)\s+(?:is\s+)?loading(?:\.{3}|…)?|
        read\s+[\d.,]+\s?[km]?\s+(?:replies|comments)|wishlist|add\s+to\s+wishlist|\(?submitted(?:\s+photo)?\s*:\s*[^().!?]{2,40}\)?|
        # a donation form's buttons ("Contribute ₹499", "Yes, I'll give $5/month", "Other amount"), a text-size
        # control, a label over a link to another story, an embedded post's author
        (?:contribute|donate|give)\s+[$£€₹]\s?[\d,.]+(?:\s*/\s*(?:month|mo|year|yr))?|
        yes,?\s+i['’]ll\s+(?:give|contribute|donate)\b.{0,30}|other\s+amount|
        (?:normal|default|larger?|smaller?|(?:very\s+|extra\s+)?large|small)\s+text\s+size|go\s+deeper|
        post\s+by\s+@\w{2,30}|submit\s+a\s+letter(?:\s+to\s+the\s+editor)?|
        # a button to follow the site on a search engine's news: "Add Sidebar on Google", "Follow us on Google News"
        (?:add|follow|prefer)\s+[\w .&'’-]{2,30}?\s+(?:on|to|as\s+a\s+preferred\s+source\s+on)\s+google(?:\s+news)?|
        # an image viewer's hint, a share row's last buttons, alerts and search prompts, a shop link's
        # screen-reader label ("Get NordProtect Links to NordProtect"), a link to the site's standards
        press\s+enter\s+or\s+click\s+to\s+view\s+image\s+in\s+full\s+size|
        # a form's and a player's small print, a list's screen-reader label, a paywall's offer, a lone credit
        (?:this\s+site\s+is\s+)?protected\s+by\s+recaptcha|powered\s+by\s+[\w .&'’-]{2,40}|
        skip\s+(?:next|previous)\s+section|
        sign\s+me\s+up|list\s+of\s+\d{1,2}\s+items|end\s+of\s+list|dismiss|supplied|
        (?:enter\s+(?:your\s+)?|invalid\s+)e-?mail(?:\s+address)?|
        # a player's running time and notice, a translation button, a label over clips, an embedded post's
        # label and its reactions ("👍 1.2K 💬 214 ↗ 89")
        duration\s*:\s*\d+\s*(?:minutes?|mins?|seconds?|secs?)(?:\s+\d+\s*(?:seconds?|secs?))?|\d{1,2}:\d{2}:\d{2}|the\s+video\s+will\s+(?:auto-?play|start|begin|play)\b[^.!?]{0,30}\W*|
        translate|also\s+watch|(?:article|story|content)\s+reserved\s+for\s+(?:subscribers|members)(?:\s+only)?|
        [\w .&'’-]{2,40}\s(?:facebook|instagram|x|tiktok)\s+post|
        (?:[^\w\s\x00-\x7f£€¥₹₩₦₱]{1,2}\s*[\d.,]+[km]?\s*){2,4}|
        # a share bar's buttons glued in a row: "Send Facebook X LinkedIn Mail Messenger Telegram Whatsapp"
        (?:(?:share|send|facebook|x|twitter|linkedin|mail|e-?mail|messenger|telegram|whatsapp|reddit|pinterest
            |copy\s+link|print|flipboard|threads|bluesky|viber|line)\s*){4,}|
        # a form's thanks, a news agency's end mark, a bookmaker's offer
        thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|registering)\W*|\(end\)|
        bet\s+[£$€]\s?\d+\s+(?:and\s+)?get\s+[£$€]\s?\d+[\w\s]{0,30}|
        # a live page's controls, a script's warning, a notifications prompt
        show\s+(?:only\s+)?key\s+events(?:\s+only)?|refresh(?:\s+for\s+(?:the\s+)?(?:latest|updates))?|live\s+feed|filter|
        please\s+(?:turn\s+on|enable)\s+javascript\b[^.!?]{0,60}\W*|push\s+notifications|turn\s+on|now\s+playing\s*[-–—|]\s*source\s*:\s*[^.!?]{1,40}|
        keep\s+reading\s+for\s+[£$€]\s?\d[\d.,]*|learn\s+more\s+(?:about|in)\s+our\s+(?:[\w-]+\s+){0,2}polic(?:y|ies)\W*|
        become\s+an?\s+(?:[\w&'’-]+\s+){1,3}sponsor|
        # an archive's age notice, a link to the original, an audio player's note, a search box's label
        this\s+(?:article\s+|story\s+|post\s+)?was\s+published\s+(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)
            \s+(?:years?|months?|weeks?|days?)\s+ago|
        this\s+(?:article|story|post|content)\s+is\s+(?:more\s+than|over)\s+(?:\d+|an?|one|two|three|four|five|six
            |seven|eight|nine|ten)\s+(?:years?|months?)\s+old|heard\s+on\s+(?:[\w'’&.-]+\s*){1,4}|
        (?:read\s+(?:the\s+)?)?original\s+(?:version|article|story)\s+in\s+[a-z]+|
        (?:voice|audio|narration)\s+(?:is\s+)?generated\s+(?:by|with|using)\s+(?:ai|artificial\s+intelligence)|
        search\s+the\s+[\w'’&.-]+(?:\s+[\w'’&.-]+)?|
        (?:close\s+share\s*|send\s+via\s+e-?mail\s*)copy\s+link|
        manage\s+(?:alerts|notifications)(?:\s+for\s+this\s+(?:article|story|topic))?|what\s+are\s+you\s+looking\s+for\??|
        (?:get|shop|buy|view|see)\s+[\w .&'’-]{2,40}?\s*links\s+to\s+[\w .&'’-]{2,40}|
        learn\s+(?:more\s+)?about\s+(?:our|[\w .&'’-]{2,30}?['’]s?)\s+editorial
            \s+(?:process|policy|policies|standards|guidelines)\W*|
        if\s+you\s+(?:like|liked|enjoy|enjoyed)\s+(?:it|this(?:\s+(?:article|story|post))?),?\s+please\s+share(?:\s+it)?\W*|
        # a share button with its screen reader's note: "twitter (opens in new window)"
        [\w .+&-]{2,25}\s*\(opens?\s+(?:in\s+)?(?:a\s+)?new\s+(?:window|tab)\)|
        # a chart's controls: "Expand chart", "Download data (CSV)", "View the roll call"
        (?:expand|enlarge)\s+(?:this\s+|the\s+)?(?:chart|graphic|map|table|image)|
        download\s+(?:the\s+)?data(?:\s*\((?:csv|xlsx?|json|pdf)\))?|
        view\s+(?:the\s+)?(?:full\s+)?(?:chart|table|roll\s+call|interactive(?:\s+map)?|data)|
        # a form's own messages: "This field is required", "Please enter a valid email address"
        (?:this\s+field\s+is\s+required|required\s+field|(?:please\s+)?enter\s+a\s+valid\s+e-?mail(?:\s+address)?)\W*|
        watch\s+live|full\s+forecast|interactive\s+radar|\d{1,2}[\s-]day\s+forecast|
        (?:story|article)\s+continues|
        (?:advertisement\s*[-–—:|·]?\s*)?scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:reading|with\s+content))?|
        report\s+(?:this\s+)?ad|view\s+(?:the\s+)?(?:gallery|slideshow|photos)|\d{1,3}\s+(?:photos|images|pictures)|
        social\s+sharing|install\s+(?:it|the\s+app)\s+now|never\s+miss\s+a\s+(?:story|thing|beat)|
        estimated\s+(?:reading\s+time\s*:?\s*)?\d+\s+min(?:ute)?s?(?:\s+read)?|watch|\d{1,2}\s?m(?:in)?|
        paid\s+advertisement|(?:font|text)\s+size(?:\s*:?\s*(?:a[+-]?\s*)+)?|for\s+subscribers|
        # a link to the story in another language: "Lee esta nota en español", "Lire en français", "En Español"
        (?:lee|lea)\s+(?:esta\s+nota|este\s+art[ií]culo|la\s+nota)(?:\s+en\s+\w+)?|lire\s+(?:cet\s+article\s+)?en\s+\w+|
        read\s+(?:this\s+(?:story|article)\s+)?in\s+(?:english|spanish|french|german|portuguese|chinese|arabic|hindi)|
        (?:en\s+)?español|en\s+français|
        gift\s+(?:this|the)\s+(?:unlocked\s+)?(?:article|story)|print\s+this\s+(?:article|story|page)|
        skip\s+(?:to\s+(?:main\s+)?content|advertisement)|skip\s+to\s+["“'‘][^"”'’]{2,40}["”'’]|
        # the same link on sites in other languages: "Ir al contenido", "Aller au contenu", "Zum Inhalt springen"
        ir\s+al\s+contenido(?:\s+principal)?|aller\s+au\s+contenu(?:\s+principal)?|zum\s+inhalt\s+springen|vai\s+al\s+contenuto|ir\s+para\s+o\s+conte[úu]do|naar\s+de\s+inhoud\s+gaan|
        share(?:\s+(?:this|on|via)(?:\s+\w+)?)?|tweet|email|print|copy\s+link|bookmark|autoplay|closed\s+captions|
        # the same buttons in French, Spanish and German: "Partager", "Copier le lien", "Compartir", "Teilen"
        partager|copier\s+le\s+lien|courriel|compartir|copiar\s+enlace|teilen|link\s+kopieren|
        # two buttons' words glued by a scrape ("Copy linkShare"), a bio box's label
        copy\s+link\s*share|share\s*copy\s+link|about\s+the\s+authors?|
        # a player's and a bookmark button's own words: "Video Unavailable", "Tap to play", "The video will start in 8"
        video\s+(?:loading|unavailable)|(?:click|tap)\s+to\s+(?:play|unmute|watch)|play\s+now|cancel|
        the\s+video\s+will\s+start\s+in\s+\d+(?:\s+seconds?)?|story\s+saved|
        something\s+went\s+wrong,?\s+please\s+try\s+again(?:\s+later)?\.?|
        # a gallery's, a modal player's and a photo store's buttons; an ad slot's placeholder
        buy\s+photo|(?:next|last|previous|first)\s+slide|this\s+is\s+a\s+modal\s+window\.?|reuse\s+this\s+content|
        article\s+content|this\s+advertisement\s+has\s+not\s+loaded\s+yet,?\s+but\s+your\s+article\s+continues\s+below\.?|
        # a breadcrumb with arrows ("Home » Archive » Financial Literacy » Do Millennials ...")
        (?:[^»›\n]{1,60}\s[»›]\s)+[^»›\n]{1,120}|
        # a writer's headshot, by its alt text ("Profile photo of Teresa Villanueva-Koh")
        (?:profile\s+)?(?:photo|picture|image|headshot|avatar)\s+of\s+(?-i:[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3})|
        # a geo-blocked player's notice, a podcast's follow button
        this\s+(?:content|video)\s+(?:is|may)\s+not\s+(?:be\s+)?available\s+in\s+your\s+(?:location|country|region)|
        follow\s+(?:on|us\s+on)\s+(?:your\s+podcast\s+app|apple\s+podcasts|spotify)|
        skip\s+(?:back|forward|ahead)\s+\d+\s+seconds?|play\s+episode|rss\s+feed|
        # a wire's note to editors ("(ATTN: UPDATES with reaction in paras 9-10)")
        \(attn\s*:[^)]*\)|\((?:adds|updates|recasts|rewrites|corrects|changes)\s[^)]{3,200}\)|
        # a wire's button with its screen-reader note: "Acquire Licensing Rights, opens new tab"
        [\w&'’ -]{2,40},\s+opens\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window)|
        # an audio player's words: "Add to playlist", "Duration: 7′ 48″", "Only have a minute? Listen instead"
        add\s+to\s+(?:playlist|queue)|duration\s*:\s*\d{1,3}\s*(?:′|'|m|min)\s*(?:\d{1,2}\s*(?:″|"|s|sec))?|
        (?:only\s+have\s+a\s+minute\?\s*)?listen\s+instead|
        # a liveblog entry's time and writer ("2:10 p.m.Joe Nakamura"), its markers ("Key event", "Pinned post")
        \d{1,2}:[0-5]\d\s*(?:[ap]\.?\s?m\.?)?\s*(?-i:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})|
        key\s+events?|pinned(?:\s+post)?|
        share\s+(?:this\s+|the\s+)?(?:article|story|post|page)\s+(?:via|on|to)\s+[\w.]+|
        """ + _STAMP + r"""|
        # a player's and a sponsor's words: "Video player is loading.", "Up Next", "Presented by Ledgerly"
        video\s+player\s+is\s+loading|up\s+next|
        (?:listen|watch)(?:\s+(?:to\s+)?(?:the\s+)?(?:highlights|full\s+match|replay|video|interview|episode))?
            \s+on\s+[\w.+&' -]{2,25}|
        (?:presented|brought\s+to\s+you)\s+by\s+[\w&'’.,-]+(?:\s+[\w&'’.,-]+){0,4}|
        together\s+with\s+[\w&'’.,-]+(?:\s+[\w&'’.,-]+){0,2}|
        # a photo's credit line and an accessible widget's own words ("list 4 of 4", "end of list")
        image\s+source\s*,.{1,60}|list\s+\d{1,2}\s+of\s+\d{1,2}|end\s+of\s+list|
        # a paywall's offer
        (?:see|view|explore)\s+(?:all\s+)?subscription\s+(?:options|plans|offers)|cancel\s+(?:at\s+)?any\s?time|
        (?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|bluesky|threads|email|print)
            (?:\s*[,|·•/]?\s*(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|bluesky|threads|email|print))*|
        # an embed button, a newsletter platform's upsell, a republishing button
        embed|upgrade\s+to\s+paid|republish(?:\s+this\s+(?:story|article))?|
        your\s+browser\s+does\s+not\s+support\s+the\s+(?:audio|video)(?:\s+element|\s+tag)?\.?|
        # a donation button: "Contribute", "Donate now"
        contribute|donate(?:\s+(?:now|today))?|give\s+now|support\s+us|make\s+a\s+donation|
        (?:read|see|view|load|show)\s+(?:more|all|full\s+(?:story|article))(?:\s+(?:stories|articles|news))?|
        related(?:\s+(?:articles?|stories|posts?|content|reading|coverage|news|topics))?|
        (?:you\s+may\s+|you\s+might\s+)?(?:also\s+)?like|
        recommended(?:\s+(?:for\s+you|articles?|stories|reading))?|
        (?:most\s+)?(?:popular|trending|read)(?:\s+(?:now|stories|articles|posts))?|
        more\s+(?:from|on|in|stories|articles|news|like\s+this)(?:\s+[\w.'&-]+){0,4}|
        (?:leave|post|add|write|view|show|load)\s+(?:a\s+|all\s+)?(?:comments?|reply|replies)|
        \d+\s+comments?|comments?|no\s+comments(?:\s+yet)?|reply(?:\s+to\s+\S+)?|flag\s+as\s+inappropriate|
        (?:sign\s+up|subscribe)(?:\s+(?:now|today|here|for\s+free|to\s+our\s+newsletter))?|
        newsletter|follow\s+us(?:\s+on\s+\w+)?|
        # a form's fields: "Email (required)", "Your email address*"
        (?:your\s+)?(?:e-?mail|name|first\s+name|zip\s+code)(?:\s+address)?\s*(?:\*|\((?:required|optional)\))|
        share\s+your\s+(?:story|stories|thoughts|tips?|news\s+tips?)|
        back\s+to\s+top|top\s+of\s+page|click\s+here|(?:suggested\s+|trending\s+|popular\s+)?(?:tags?|topics?)|
        filed\s+under|companies|follow|
        # a paywall's and a player's buttons, a wire's licensing link, an aggregator's summary box
        maybe\s+later|no,?\s+thanks|subscriber\s+exclusive|autoplay(?:\s+is)?(?:\s+(?:on|off))?|bet\s+now|claim\s+(?:offer|bonus|now)|
        # a betting widget's label and its lines in American odds: "Bet on Pro Football", "Over 9.5 wins -115"
        bet\s+on\s+[\w&' -]{2,30}|(?:[^.!?]|(?<=\d)\.(?=\d)){3,60}\s[+\-−]\d{3,4}|
        (?:read|view|see|show)\s+(?:all\s+)?\d+\s+(?:replies|comments|responses)|gift\s+(?:this\s+)?(?:article|story)(?:\s+(?:for\s+)?free)?|
        (?:exit\s+)?full\s?screen|purchase\s+licensing\s+rights|
        (?:[\w.'’-]+\s+){0,2}ai(?:[\s-]generated)?\s+summary|was\s+this\s+(?:summary|article|story|page)\s+helpful\??|
        must\s+reads?|editor[’']?s\s+picks?|top\s+(?:stories|headlines)|latest\s+(?:news|stories|headlines)|
        don[’']?t\s+miss|continue\s+reading(?:\s+the\s+(?:main\s+)?(?:story|article))?|
        (?:previous|next)(?:\s+(?:article|post|story))?|
        photo|image|video|listen(?:\s+to\s+(?:this\s+)?article)?|
        \d+\s+min(?:ute)?s?\s+(?:read|listen)|
        (?:table\s+of\s+)?contents|in\s+this\s+(?:article|post|guide)|jump\s+to(?:\s+section)?|
        home|blog|news|menu|search|close|
        # shopping and sign-up buttons, alone or in a row: "Buy on Amazon", "$113 at Amazon"
        (?:"""
    + _BUTTONS + _PHONE
    + r""")|
        back\s+to\s+(?:the\s+|all\s+)?(?:blog|home|top|news|articles?|posts?|stories|search|results|homepage|\w+\s+(?:home|blog|page))|
        (?:and\s+)?(?:last\s+)?(?:updated|published|posted)(?:\s+(?:at|on))?:?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?
            (?:\s*[A-Z]{2,4})?,?\s*(?:on\s+)?(?:"""
    + _DATE
    + r""")|
        (?:(?:last\s+)?(?:updated|published|posted|modified|reviewed)(?:\s+on)?:?\s*)?(?:"""
    + _DATE
    + r""")?(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?
    )[\s:.!>»›→…|-]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Prompts that start a line; only applied to short lines so body text quoting such
# phrases survives.
_PREFIX = re.compile(
    r"""^(?:
        (?:read|see)\s+(?:more|also|next|the\s+full|related)\b|(?:see|view|show)\s+all\b|
        related\s*:|also\s+read\s*:|more\s*:|recommended\s*:|
        # an inline link: "Also Read | ...", "[Related: ...]", "Watch | ...", ">> headline"
        \[?\s*(?:related(?:\s+(?:story|stories|article|coverage))?|(?:also\s+)?read(?:\s+(?:more|also))?|watch|listen
            |see\s+also|more|don[’']?t\s+miss|must\s+read|editor[’']?s\s+picks?|full\s+coverage)\s*[:|]|
        (?:>>|»)\s*\w|
        # promotions of the outlet's app, alerts and tip line, and notes on the story's status
        (?:download|get|install)\s+(?:the|our)\s+(?:[\w-]+\s+){0,3}app(?:\s+(?:for|to|on|now|today|here|and)\b|\W*$)|
        (?:get|sign\s+up\s+for|turn\s+on)\s+(?:breaking\s+)?(?:news\s+)?(?:alerts|notifications)\b|
        stay\s+up[\s-]to[\s-]date\s+with\s+(?:the\s+)?latest\b|
        for\s+the\s+latest\s+(?:news|updates|headlines)\b.{0,80}\b(?:head|go)\s+to\b|
        (?:have|got)\s+a\s+(?:news\s+|story\s+)?tip\b|send\s+us\s+(?:your\s+)?(?:news\s+)?tips\b|
        # a link to a photo or web story, a figure's placeholder: "Photostory: 7 ways ...", "[Chart: ...]"
        (?:photo|web|visual)\s*stor(?:y|ies)\s*:|\[(?:chart|graphic|map|image|photo|video|interactive)\s*:|
        # a registration wall's pitch: "Create an account or sign in to continue with your reading experience.",
        # "Enjoy additional articles per month.", "Unlimited online access to articles from across Canada ..."
        create\s+(?:an\s+|a\s+free\s+)?account\s+(?:or\s+(?:sign|log)\s+in\s+)?to\s+(?:continue|keep\s+reading|read)\b|
        enjoy\s+(?:additional|more|unlimited|\d+)\s+(?:free\s+)?articles\b|unlimited\s+(?:online\s+|digital\s+)?access\s+to\s+(?:all\s+)?(?:[\w’'-]+\s+){0,3}(?:articles|stories|content|journalism)\b|
        access\s+(?:articles|stories)\s+from\b.{0,60}\bwith\s+one\s+account\b|get\s+e-?mail\s+updates\s+from\b|
        exclusive\s+articles\s+from\b|
        this\s+is\s+a\s+(?:developing|breaking)\s+(?:news\s+)?story\b|
        catch\s+all\s+the\s+(?:[\w,&-]+\s+){0,8}news\b|
        this\s+(?:story|article|post)\s+(?:has\s+been|was|will\s+be)\s+updated\b|
        (?:sign\s+up|subscribe)\s+(?:for|to)\s+(?:our|the|a)\b|subscribe\s+(?:to|now\s+to)\s+(?:continue|keep)\s+reading\b|
        you\s+have\s+(?:\d+|one|two|three)\s+free\s+(?:articles?|stories|reads?)\b|
        you(?:[’']ve|\s+have)\s+reached\s+(?:your|the)\s+(?:\w+\s+){0,3}(?:limit|maximum)\b|
        this\s+(?:article|story|content|page)\s+is\s+(?:only\s+)?(?:available|reserved|exclusive)\s+(?:to|for)\s+
            (?:our\s+)?(?:paid\s+|paying\s+)?(?:subscribers|members)\b|
        for\s+subscribers\s*:|subscribers?[\s-]only\s*:|(?:premium\s+|paid\s+)?subscribers\s+can\s+(?:download|read|listen|access)\b|
        # a portal's note on a partner's story, the outlet's standards link, a prompt to follow it
        this\s+(?:content|article|story)\s+(?:is|was)\s+(?:provided|supplied|syndicated|distributed)\s+by\b|
        our\s+standards\s*:|don[’']?t\s+miss\s+out\s+on\s+(?:the\s+)?latest\b|
        you(?:[’']ve|\s+have)\s+(?:read|used|viewed)\s+(?:\d+|one|two|three|all)\s+(?:of\s+(?:your\s+)?\d+\s+)?(?:free\s+)?(?:articles?|stories)\b|
        get\s+(?:full|unlimited)\s+(?:digital\s+)?access\b|
        (?:get|receive)\s+(?:our|the)\s+(?:\w+\s+){0,3}newsletter|
        get\s+our\s+(?:[\w-]+\s+){0,3}(?:e-?mail|app|alerts|podcast)(?:\s*,|\s+(?:or|and|for|on|to|now|today|here)\b|\W*$)|
        enter\s+your\s+e-?mail|by\s+(?:clicking|subscribing|signing\s+up|submitting|registering)|
        share\s+(?:this|on)\b|follow\s+us\b|join\s+(?:our|the)\s+(?:\w+\s+){0,2}(?:newsletter|community|mailing)|
        (?:click|tap)\s+here\s+to\b|(?:click|tap)\s+to\s+(?:share|print|e-?mail|copy|open)\b|
        (?:fact[-\s]checked|medically\s+reviewed)\s+by\b|
        this\s+(?:article|story|post)\s+(?:was\s+)?(?:originally\s+)?(?:appeared|published)\s+(?:on|in)\b|
        (?:copyright\s+)?(?:©|\(c\)|copyright)\s*\d{4}|all\s+rights\s+reserved|
        we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|accept\s+(?:all\s+)?cookies|
        (?:photo|image)\s*(?:credit)?\s*:|
        # a gallery's counter opening each caption: "Item 1 of 3 Delegates attend ...", "[1/3] Delegates ..."
        item\s+\d{1,3}\s+of\s+\d{1,3}\s|\[\d{1,3}/\d{1,3}\]\s|
        # the title of an embedded clip, chart or map: "LIVE VIDEO: Aerial view of ...", "Chart: ..."
        (?:live\s+video|live\s+stream|chart|map|graphic|interactive|gallery)\s*:|
        (?:(?:photo|image|picture)\s+(?:courtesy(?:\s+of)?|from|via)|courtesy\s+of|a\s+post\s+shared\s+by)\s|
        (?:disclosure|affiliate\s+disclosure|disclaimer)\s*:|
        # notes on the page's history and other editions, and a newsletter's sign-off
        (?:this\s+(?:article|story)\s+)?appear(?:s|ed)\s+in\s+the\s+.{0,40}\bprint\s+edition\b|
        this\s+(?:article|story|post)\s+(?:was|has\s+been|is)\s+(?:\w+\s+)?translated\b|
        this\s+(?:article|story)\s+is\s+a\s+translation\b|
        (?:some\s+)?quotes\s+(?:in\s+this\s+(?:article|story)\s+)?(?:have\s+been|were|are)\s+translated\b|
        illustrative(?:\s+(?:photo|image|picture))?\s*:|
        thanks?\s+(?:you\s+)?for\s+reading\b|got\s+a\s+(?:story|tip)\b|
        the\s+audio\s+version\s+of\s+this\s+(?:article|story)\b|get\s+(?:[\w-]+\s+){0,3}alerts\s+on\s+your\b|
        # an audio player's note on its voice: "Text to speech powered by ...", "Audio version created with a
        # synthetic voice"
        (?:text[\s-]to[\s-]speech|(?:this\s+)?audio(?:\s+version)?)\s+(?:is\s+|was\s+)?(?:powered|created|generated|produced)\s+(?:by|with|using)\b|
        (?:photographs?|photos?|words|text|images?|illustrations?)(?:\s+and\s+(?:text|words|photographs?|photos?))?\s+by\s+(?-i:[A-Z])|
        (?:illustration|graphic|infographic)\s*(?:credit)?\s*:|
        # notes on how the page was made: an AI summary, a machine transcript, delayed market data
        (?:this\s+)?summary\s+(?:was\s+)?generated\s+(?:with|by|using)\b|
        # a note on a later version: "UPDATE (Jan 28, 14:47 UTC): Adds comment from ... in the 12th paragraph."
        updated?\s*\([^)]{3,40}\)\s*:\s*(?:adds|updates|recasts|rewrites|corrects|changes|removes)\b|
        this\s+transcript\s+(?:was|has\s+been|is)\s+(?:generated|produced|machine|automatically|edited)\b|
        (?:market\s+|stock\s+|quote\s+)?data\s+(?:is\s+)?delayed\b|
        the\s+(?:views|opinions)\s+expressed\b|your\s+privacy\b|
        # a byline row with an e-mail address or the outlet after a bar: "By Ann Lee | alee@x.com | The Herald"
        (?:story\s+)?by\s+[^.!?]{3,80}?(?:\s[|•·]\s|@)|
        # a date stamp heading a line: "PUBLISHED: February 28, 2024 at 9:15 p.m. | UPDATED: ..."
        \(?(?:originally\s+)?(?:published|updated|posted)\s*:?\s*(?:on\s+)?(?:""" + _DATE + r""")\b|
        (?:gallery|in\s+pictures)\s*:|go\s+deeper\s*:|(?:up\s+next|next\s+video|watch\s+next)\s*:|
        unlock\s+(?:this|the\s+full|full|the\s+rest\s+of\s+this)\s+(?:article|story)\b|
        (?:fill\s+out|complete|use)\s+the\s+form\s+below\b|
        # an appeal for money ("... before you move on. We have a small favour to ask.", "Support the Sentinel
        # from as little as £1 - it only takes a minute.") and an embedded post's introduction ("Posted to X by
        # @NSWWeatherBureau:")
        (?:…|\.{3})?\s*before\s+you\s+(?:move\s+on|go)\b.{0,40}\bfavou?r\b|we\s+have\s+a\s+small\s+favou?r\s+to\s+ask\b|
        support\s+(?:us|the\s+[\w'’&. -]{1,40}?)\s+from\s+(?:as\s+little\s+as|just|only)\s+[£$€]\s?\d|
        posted\s+(?:to|on)\s+(?:x|twitter|facebook|instagram|threads|bluesky|tiktok)\s+by\b.{1,80}:$|
        # a poll's small print: "This poll is not scientific and reflects only the views of ..."
        (?:this\s+poll|(?:poll\s+)?results)\s+(?:is|are)\s+not\s+scientific\b|
        (?:embed\s*)?<iframe\b|
        (?:tags?|topics?|categories|filed\s+under)\s*:
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# What a media player or a gallery prints into a scrape, at any length: "JUST WATCHED <clip>
# Replay More Videos ... MUST WATCH <clip> 03:49", "Enlarge this image toggle caption AP",
# "Hide Caption 3 of 12 Photos: ...", "Image caption, ...", and a summary box's label glued
# to its first point ("Story highlights Voters ...")
_WIDGET = re.compile(r"(?i)^(?:just\s+watched|enlarge\s+this\s+image|toggle\s+caption|hide\s+caption"
                     r"|(?:image|media)\s+caption|story\s+highlights)\b|\breplay\s+more\s+videos\s*(?:\.{3}|…)?\s*must\s+watch\b")
_WIDGET_MAX = 400
_FOREIGN_MAX = 200  # characters of a label in another language, with the headline glued to it

# Lines that are chrome wherever the words sit in them (short lines only): a prompt to comment,
# an affiliate disclosure, an author's bio box, a clip's title with its running time
# ("Voters react to the recount 01:44"), a ticker quote ("HLVN 212.40 -3.12%"), a forecast day
_ANYWHERE = re.compile(
    r"(?i)\bjoin\s+the\s+(?:conversation|discussion)\b"
    r"|\b(?:we|i|may)\s+(?:may\s+)?(?:receive|earn|get|make)\s+(?:a\s+)?(?:small\s+)?(?:commission|affiliate)"
    # appeals for money and follows: "Chip in to keep our reporters...", "Become a sustaining member"
    r"|\bchip\s+in\s+(?:to|today|now|and)\b|\bbecome\s+a\s+(?:sustaining\s+|paying\s+)?(?:member|supporter|subscriber)\b"
    r"|\bmake\s+a\s+(?:gift|donation)\b|\bsupport\s+(?:us|our\s+(?:work|newsroom|reporting|journalism))\s*(?:today|now|[.!]|$)"
    r"|\btap\s+here\s+to\b|\bcan\s+be\s+reached\s+at\b"
    # a markets page's notes on its data: "Market data from X. Delayed 15 minutes.", "Prices as at market close.
    # Data delayed.", a stock tipster's pitch: "Should you invest $1,000 in X right now?", "Before you buy stock in X"
    r"|\bpays?\s+for\s+all\s+(?:the\s+)?meals\s+(?:it\s+|we\s+)?review|\breviews?\s+are\s+conducted\s+anonymously\b"
    r"|\b(?:data|quotes?|prices?)\s+(?:are\s+)?delayed\b|\.\sdelayed\s+(?:by\s+)?(?:at\s+least\s+)?\d+\s+min"
    # a paywall's offer inside the story: "Continue reading with RBR Pro", "4 weeks for €1, then €34.99 per month.
    # Cancel anytime.", "Read with your company access"
    r"|\bcancel\s+(?:any\s?time|at\s+any\s+time)\b"
    # an interactive's placeholder and the health page's disclaimer: "This interactive is not supported by your
    # browser.", "Use a modern browser with JavaScript enabled to view this content.", "... is not a substitute for
    # professional medical advice", "This article is for informational purposes only"
    r"|\b(?:interactive|graphic|content|map|chart)\s+is\s+not\s+(?:supported|available)\s+(?:by|in|on)\s+your\b"
    r"|\b(?:enabled?|turn\s+on)\s+javascript\b|\bjavascript\s+enabled\b"
    r"|\bnot\s+(?:a\s+substitute\s+for|intended\s+(?:as|to\s+be))\s+(?:professional\s+)?medical\s+advice\b"

    # a call for the readers' own words: "Readers are sharing their memories of X. Add yours below.", "Read what
    # other readers are saying and add your view", "We asked readers to share photos from ..."
    r"|\badd\s+(?:yours|your\s+(?:own\s+)?(?:view|voice|memories|memory|story|comment|thoughts|photos?))"
    r"(?:\s+(?:below|here|now|today))?\W*$"

    # a prompt to share: "Help keep family & friends informed by sharing this article"
    r"|\bby\s+sharing\s+this\s+(?:article|story|post|page)\W*$"
    r"|^(?!.*\b(?:at|by|from|until|till|to|before|after|around|since|and)\s+\(?\d{1,2}:[0-5]\d\)?$)[^.!?]{3,150}\s\(?\d{1,2}:[0-5]\d\)?$"
    r"|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+-?\d{1,3}°"
    r"|^\d{1,2}:[0-5]\d\s*[-–—|]\s*source\b")  # a clip's length and source: "02:31 - Source: CNN"
# Notes and prompts a page words as a sentence, each found by its opening words (`match`) ...
_OPENING = re.compile(
    # a nonprofit's appeal ("If this story matters to you, please consider a gift of any size.", "Donate to ..."), its
    # terms for republishing ("You may not edit our stories, ...", "If you republish online, ..."), a police page's
    # disclaimer ("All persons arrested are presumed innocent ..."), calls for the readers' own words ("Read what other
    # readers are saying ..."), a markets page's data note and a tipster's pitch ("Market data from X.", "Should you
    # invest $1,000 in X right now?"), a paywall's offer ("Continue reading with X Pro"), a health page's disclaimer
    r"(?i)(?:if\s[^.,]{3,60},\s*)?(?:please\s+)?consider\s+(?:making\s+)?(?:a\s+)?(?:gift|donation|donating|contribution)\b"
    r"|donate\s+to\b|your\s+(?:donation|contribution|gift)\s+(?:will\s+)?(?:helps?|supports?|allows?|funds?|keeps?)\b"
    r"|you\s+(?:may|must|can)(?:\s+not|not)?\s+(?:edit|sell|alter|republish)\s+our\s+stor|if\s+you\s+republish\b"
    r"|all\s+(?:persons|people|suspects|defendants|those)\b[^.]{0,30}\s(?:are|is)\s+presumed\s+innocent"
    r"|(?:criminal\s+)?charges\s+are\s+(?:merely\s+)?(?:allegations|accusations)\b"
    r"|(?:read|see)\s+what\s+(?:other\s+)?readers\s+(?:are\s+saying|think)\b|we\s+asked\s+(?:our\s+)?readers\s+to\b"
    r"|market\s+data\s+(?:provided\s+)?(?:by|from)\b|delayed\s+(?:by\s+)?(?:at\s+least\s+)?\d+\s+min"
    r"|should\s+you\s+invest\s+[$€£][\d,]+\s+in\b|before\s+you\s+buy\s+stock\s+in\b|continue\s+reading\s+with\b"
    r"|read\s+with\s+your\s+(?:company|corporate|institutional|school|library)\s+(?:access|account|subscription)\b"
    r"|this\s+(?:article|content|information|page)\s+is\s+(?:provided\s+)?for\s+(?:general\s+)?informational?"
    r"\s+purposes\s+only\b|doi:\s*10\.\d"
    # a tabloid's call for tips ("Do you have a story for the showbiz team? Email us at ...")
    r"|do\s+you\s+have\s+a\s+(?:story|tip|news\s+tip)\b[^.!?]{0,60}\?|e-?mail\s+us\s+(?:at|on)\s+\S+@"
    # a summary's note that a machine wrote it
    r"|(?:these|this|the)\s+(?:key\s+)?(?:takeaways|summary|highlights|points|bullet\s+points)\s+(?:was|were|is|are)"
    r"\s+(?:generated|written|produced|created)\b"
    # a call for letters, a note of the print edition, an app's pitch, a bookmaker's credit for its odds
    r"|(?:want\s+to\s+weigh\s+in\?\s+)?write\s+a\s+letter\s+to\s+the\s+editor\b"
    r"|(?:a\s+version\s+of\s+)?this\s+(?:article|story)\s+(?:appears|appeared)\s+in\s+(?:the\s+)?[\w\s,]{0,30}?"
    r"\b(?:print|edition|issue)\b"
    r"|download\s+(?:the|our)\s+[\w\s&'’+-]{1,40}?\bapp\b"
    r"|odds\s+(?:via|provided\s+by|courtesy\s+of|supplied\s+by)\s"
    # a note that a machine helped, a disclaimer, a widget that failed, a trial's price, a newsletter's pitch
    r"|this\s+(?:content|article|story|text)\s+was\s+(?:translated|produced|generated|written|created)\s+with\s+the"
    r"\s+(?:help|assistance)\s+of\b|\(?disclaimer\s*:|we['’]re\s+sorry,\s+this\s+(?:feature|content|widget)\s+is"
    r"\s+(?:currently\s+)?unavailable|then\s+[£$€]\s?\d[\d.,]*\s+(?:per|a|every)\s+(?:month|week|year)\b"
    r"|our\s+(?:essential|daily|weekly|free|morning|evening)\s+(?:guide|briefing|newsletter|round-?up|digest)\s+(?:to|of|on)\b"
    r"[^.!?]{0,80},\s+(?:sent|delivered)\b"
    r"|ai[- ]generated\s+summary\b|(?:found|find)\s+this\s+(?:article|story)\s+(?:useful|helpful|interesting)\?"
    r"|join\s+(?:the|our)\s+(?:[\w&'’.-]+\s+){0,4}whatsapp\s+(?:community|channel|group)\b"
    r"|(?:a|our)\s+(?:free\s+)?(?:daily|weekly|monthly|morning|evening|fortnightly)\s+(?:digest|round-?up|briefing"
    r"|newsletter|email)\s+(?:of|on|about|with)\b")
# ... or anywhere in it, once a cheap look for its words has found them (a search of every line for each of
# these patterns cost more than the rest of the boilerplate rules together)
_NOTICE_HINTS = ("pay for", "followed categories", "submitting", "acknowledge", "letters", "% of this", "possible by",
                 "credit card", "not responsible", "accordance", "send us", "&", "gambl", "+")
_NOTICE = re.compile(
    r"(?i)\bwe\s+pay\s+for\s+(?:your\s+)?(?:videos?|pictures|photos|stories|tips)\b"
    # a site's note on following its categories, a comment form's terms
    r"|\bfollowed\s+categories\s+will\s+be\s+added\b|\bby\s+submitting\s+(?:a|your)\s+comment\b"
    # an Australian site's acknowledgement of country
    r"|\backnowledges?\s+(?:the\s+)?(?:aboriginal|first\s+nations|traditional\s+(?:owners|custodians))\b"
    # a letters page's pledge, a paywall's meter, a member-funded site's thanks, a donation form's note
    r"|\bis\s+committed\s+to\s+publishing\s+a\s+diversity\s+of\s+letters\b"
    r"|\byou\s+have\s+[\d.]+\s?%\s+of\s+this\s+(?:article|story)\s+left\b"
    r"|\bis\s+made\s+possible\s+by\s+(?:our\s+|its\s+)?(?:members|readers|subscribers|supporters|donors)\b"
    r"|\bwe\s+accept\s+(?:all\s+major\s+)?credit\s+cards?\b"
    # an embed's disclaimer, a form's privacy notice, a call for readers' pictures
    r"|\bis\s+not\s+responsible\s+for\s+the\s+content\s+of\s+external\s+(?:web)?sites\b"
    r"|\bin\s+accordance\s+with\s+(?:the\s+|our\s+)?[\w\s&'’-]{0,40}?privacy\s+(?:collection\s+)?(?:statement|policy|notice)"
    r"|\bsend\s+us\s+your\s+(?:[\w-]+\s+){0,2}(?:photos|pictures|videos?|footage|stories|tips)\b"
    # a bookmaker's small print: "New customers only. Min odds 1/2. 18+ T&Cs apply. BeGambleAware.org"
    r"|\bt\s?&\s?cs?\s+apply\b|\bbegambleaware\b|\bgamble\s+responsibly\b|\b1-800-gambler\b"
    r"|(?<![\w+])(?:18|21)\+[.,]?\s+(?:only\b|t\s?&\s?cs?\b|terms\b|please\b)")
_TICKER = re.compile(r"^[A-Z][A-Z.]{1,5}\s+[$£€]?[\d,]+(?:\.\d+)?"
                     r"\s+[+\-−–]?\d+(?:\.\d+)?%?(?:\s+[+\-−–]?\d+(?:\.\d+)?%)?$")
# A writer's job and its grades, shared by the bio box here and text_meta's bylines
ROLE_NOUNS = "correspondent|editor|reporter|writer|columnist|contributor|journalist|producer|critic|reviewer"
ROLE_GRADES = "senior|chief|deputy|staff|contributing|associate|executive|visiting|managing|research"
# (a bio may name the writer by surname alone when it goes on about the job: "Corliss is a Standard
# Wire reporter based in Chicago.", "Marchetti covers the Midwest for Standard Wire. She is based in
# Indianapolis.", "... for The Courier from Washington. She previously reported on ..."; not "Flatliner is a
# handy code editor that ...")
_BIO_ROLES = ROLE_NOUNS + "|photographer|photojournalist"  # (the picture's maker has a bio too)
_BIO = re.compile(
    r"^(?!(?i:the|a|an|this|that|these|those|its?|our|their|his|her|he|she|they|it|we|i|you)\s)"
    r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,2}\s+"
    # ("... is the Courier's industrial reporter.", "... is The Wellington Ledger's transport reporter.")
    rf"(?:is\s+(?:a|an|(?:the\s+)?(?:[A-Z][\w&.-]*\s+){{0,3}}[A-Z][\w&.-]*['’]s|the)\s+(?:[\w-]+\s+){{0,3}}(?:{_BIO_ROLES})\b"
    r"|(?:covers|writes\s+about)\b.*\b(?i:reach|contact|follow|e-?mail)\b"
    # ("Michael Ferrante covers law and technology from San Francisco. He has written about ...")
    r"|covers\s+[^.]{3,80}\s+(?:from|in|out\s+of)\s+[A-Z][\w .'’-]{1,40}\.\s+(?:He|She|They)\s)"
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,2}\s+"
    rf"(?:is\s+(?:a|an|the|[A-Z][\w&.-]*['’]s)\s+(?:[\w-]+\s+){{0,3}}(?:{_BIO_ROLES}),?\s+(?:based|covering|for|at|who|with)\b"
    r"|covers\s+.{3,80}\s+for\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}(?:\s+(?:desk|team|section))?"
    r"(?:\s+from\s+[A-Z][\w.'’ -]{1,40})?(?:\.\s+[A-Z][^.]{3,200})*\.?$))")
# (an op-ed's writer: "Dr Nwankwo is a consultant paediatrician at a teaching hospital. She writes from Enugu.")
_WRITES_FROM = re.compile(r"^(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+is\s+"
                          r"[^.]{5,200}\.\s+(?:He|She|They)\s+writes?\s+from\s+[A-Z][\w .,'’-]{1,40}\.?$")
_BIO_MAX_WORDS = 60
# the print edition's note, with the headline it ran under: "A version of this article appears in print on Sept.
# 18, 2025, Section B, Page 1 of the New York edition with the headline: ..."
_PRINT_NOTE = re.compile(r"(?i)^(?:a\s+version\s+of\s+)?this\s+(?:article|story|review|essay|column)\s+"
                         r"(?:originally\s+)?appear(?:s|ed)\s+in\s+(?:print\b|the\s+(?:\w+\s+){1,3}(?:issue|edition)\s+of\b)"
                         # (and the page's notes on how it rates and how to write in: "How we rate: ...", "Send your
                         # letters to ...", "Letters must include ...")
                         # ("This story was originally published November 12, 2025 at 5:00 AM.", "... by CalMatters")
                         r"|^this\s+(?:story|article|report)\s+was\s+(?:originally|first)\s+published\b"
                         r"|^how\s+we\s+(?:rate|score)\b|^(?:send|e-?mail)\s+(?:us\s+)?your\s+letters?\b|^write\s+to\s+us\b"
                         r"|^letters?\s+policy\s*:|^letters\s+(?:must|should)\s+(?:be|include)\b")
# a wire story republished untouched says so: "(This story has not been edited by NDTV staff and is
# auto-generated from a syndicated feed.)", "... the rest of the content is auto-generated from a syndicated feed."
_FEED_NOTE = re.compile(r"(?i)\b(?:generated|published|taken|sourced)\s+(?:directly\s+)?from\s+an?\s+"
                        r"(?:syndicated|agency|wire)\s+feed\b|\bhas\s+not\s+been\s+edited\s+by\s+[^.!?]{2,60}\bstaff\b")
# A chapter of a podcast or a video: "02:14 The morning June almost closed the store"
_CHAPTER = re.compile(r"^\(?\d{1,2}:[0-5]\d(?::[0-5]\d)?\)?\s*[-–—|]?\s*[A-Z\"“]")
_CHAPTER_MAX_WORDS = 12

_PREFIX_MAX_WORDS = 25
_BILINGUAL_MAX_WORDS = 6
_BUTTON_CHARS = 120
_LIST_MARK = re.compile(r"^(?:[-*•·▪]|\d{1,2}[.)])\s+")


def is_button_row(line: str) -> bool:
    """A line of nothing but calls to action: chrome that, unlike a section label, does not
    end the article (shopping pieces print one after every product paragraph)."""
    return len(line) <= _BUTTON_CHARS and bool(_BUTTON_ROW.match(line.strip()))


def is_stamp(line: str) -> bool:
    """A teaser's age or sponsor, alone on its line (a feed of other stories prints one)."""
    return len(line) <= 60 and bool(_STAMP_RE.match(line.strip()))


def _notice(text: str) -> bool:
    low = text.lower()
    return any(h in low for h in _NOTICE_HINTS) and _NOTICE.search(text) is not None


def is_boilerplate(line: str) -> bool:
    """True when a line is page chrome rather than reporting."""
    text = _LIST_MARK.sub("", line.strip())
    if _chrome(text):
        return True
    # (an emoji before a label: "🔥 RELATED: ...", "👉 See more ...")
    if text and unicodedata.category(text[0]) == "So":
        rest = text.lstrip("".join(ch for ch in text[:4] if unicodedata.category(ch) == "So") + " \ufe0f")
        return bool(rest) and _chrome(rest)
    return False


def _chrome(text: str) -> bool:
    if not text:
        return True
    if _EXACT.match(text):
        return True
    # (an English story's chrome in its site's own language: "Publicité", "Lesen Sie auch", "Baca Juga: ...")
    if len(text) <= _FOREIGN_MAX and (FOREIGN_LABEL_RE.match(text) or FOREIGN_LINK_RE.match(text)):
        return True
    if len(text) <= _WIDGET_MAX and _WIDGET.search(text):
        return True
    words = len(text.split())
    # a bilingual page's label, its own language before the English: "Fideo / Video", "Hysbyseb / Advertisement"
    if words <= _BILINGUAL_MAX_WORDS and text.count(" / ") == 1 and _EXACT.match(text.split(" / ")[1]):
        return True
    if words <= _PREFIX_MAX_WORDS and (_PREFIX.match(text) or _ANYWHERE.search(text) or _TICKER.match(text)
                                       or _OPENING.match(text) or _notice(text)):
        return True
    if words <= _CHAPTER_MAX_WORDS and _CHAPTER.match(text):
        return True
    if words > _BIO_MAX_WORDS:
        return False
    low = text.lower()  # (the searches below only where their words are)
    return _BIO.match(text) is not None or _PRINT_NOTE.match(text) is not None \
        or (("feed" in low or "edited by" in low) and _FEED_NOTE.search(text) is not None) \
        or (" writes from " in low and _WRITES_FROM.match(text) is not None)
