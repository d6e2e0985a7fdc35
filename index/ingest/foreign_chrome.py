"""Chrome labels in the languages of the newsrooms that print English stories under their own site's chrome.

An English edition, an international section or a wire story on a portal keeps the site's menus, ad
slots and lists of other stories in its home language ("Publicité", "Lesen Sie auch", "Baca Juga: ...").
The cleaner's English labels do not see them, so an ad's label between two paragraphs or a list of
other stories under "Leggi anche" read as part of the story. These are the common ones of the languages
such pages come in; the cleaner treats each as its English twin.
"""

from __future__ import annotations

import re

# an ad's slot: "Publicité", "Anzeige", "Publicidad", "REKLAMA", "広告"
ADS = (r"publicit[ée]|anzeige|werbung|publicidad|publicidade|pubblicit[àa]|advertentie|reklama|reklam|annons|annonse"
       r"|annonce|publicitate|διαφ[ηή]μιση|広告|광고|qu[ảa]ng c[áa]o|mainos|iklan|hirdet[ée]s|oglas")
# ... and the story's going on under it: "Continua após a publicidade", "Artiklen fortsætter under annoncen"
_CONTINUES = (r"continua (?:ap[óo]s a|depois da) publicidade|artiklen forts[æa]tter under annoncen"
              r"|artikkelen fortsetter under annonsen|artikeln forts[äa]tter (?:under|efter) annonsen"
              r"|la suite (?:apr[èe]s|ci-dessous)(?: cette| la)? publicit[ée]|weiter nach der anzeige"
              r"|(?:der )?artikel (?:wird )?(?:unter|nach) der anzeige fortgesetzt|sigue leyendo"
              r"|el art[íi]culo contin[úu]a (?:tras|despu[ée]s de) la publicidad"
              r"|l'articolo continua (?:sotto|dopo la pubblicit[àa])|lees verder (?:onder|na) de advertentie"
              r"|czytaj dalej|artikkeli jatkuu mainoksen j[äa]lkeen|[čc]l[áa]nek pokra[čc]uje pod reklamou")
# a list of other stories: "Lesen Sie auch", "Leggi anche", "Czytaj także", "Baca Juga", "관련기사"
READ_ALSO = (r"lesen sie (?:auch|mehr)|mehr zum thema|das k[öo]nnte sie (?:auch )?interessieren|leggi anche"
             r"|(?:ti )?potrebbe interessar(?:ti|e)|czytaj (?:tak[żz]e|te[żz])|zobacz (?:te[żz]|tak[żz]e)"
             r"|ilgili haber(?:ler)?|l[äa]s (?:ocks[åa]|mer)|l[æa]s (?:ogs[åa]|mere)|les (?:ogs[åa]|mer)"
             r"|lees (?:ook|meer)|le[ée] tambi[ée]n|lea tambi[ée]n|ver tambi[ée]n|noticias? relacionadas?"
             r"|not[íi]cias? relacionadas?|veja tamb[ée]m|leia tamb[ée]m|sur le m[êe]me sujet|(?:[àa] )?lire (?:aussi"
             r"|[ée]galement)|vous aimerez aussi|관련 ?기사|関連記事|b[àa]i li[êe]n quan|tin li[êe]n quan|lue my[öo]s"
             r"|baca juga|artikel terkait|berita terkait|cite[șs]te (?:[șs]i)|διαβάστε (?:επίσης|ακόμη)"
             r"|souvisej[íi]c[íi] [čc]l[áa]nky|[čc]t[ěe]te tak[ée]|l[áa]sd m[ée]g")
# whole lines that are nothing but one of these, and a list's label glued to its headline ("Baca Juga: Harga ...")
FOREIGN_LABEL_RE = re.compile(rf"(?i)^[\W_]*(?:{ADS}|{_CONTINUES}|{READ_ALSO})[\W_]*$")
FOREIGN_LINK_RE = re.compile(rf"(?i)^[\W_]*(?:{READ_ALSO})\s*[:|–—-]\s*\S")

# the header's meta lines: a stamp ("Aktualisiert am 12.04.2024, 14:05 Uhr", "Atualizado há 2 horas", "Offentliggjort
# 2. november 2023 kl. 07:30"), a reading time ("Temps de lecture : 4 min"), a byline ("Von Jan-Ole Brinkmann und
# Katrin Wehner", "di Redazione English")
_STAMPS = (r"aktualisiert|ver[öo]ffentlicht|publi[ée](?: le)?|mis [àa] jour|actualizad[oa]|publicad[oa]|atualizad[oa]"
           r"|aggiornat[oa]|pubblicat[oa]|bijgewerkt|gepubliceerd|zaktualizowano|opublikowano|g[üu]ncellen\w*|yay[ıi]nlan\w*"
           r"|uppdaterad|publicerad|opdateret|offentliggjort|oppdatert|publisert|aktualizov[áa]no|publikov[áa]no"
           r"|p[äa]ivitetty|julkaistu|actualizat|publicat|diperbarui|dipublikasikan|c[ậa]p nh[ậa]t|ενημέρωση|δημοσίευση"
           r"|更新|公開|업데이트|입력|수정")
_READING = (r"temps de lecture|lesezeit|lesedauer|tiempo de lectura|tempo de leitura|tempo di lettura|leestijd"
            r"|czas czytania|okuma s[üu]resi|l[äa]stid|l[æa]setid|lukuaika|doba [čc]ten[íi]|timp de citire"
            r"|χρόνος ανάγνωσης|読了時間")
_BY = r"von|di|par|por|door|av|af|oleh|autor(?:ka|a)?:?|bởi|του|της"
_AND = r"und|e|et|y|en|och|og|i|dan|và|ve|a|και"
_NAME = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*"
FOREIGN_META_RE = re.compile(
    rf"(?i:^(?:{_STAMPS})\b.{{0,60}}$|^(?:{_READING})\b.{{0,20}}$)"
    rf"|^(?i:{_BY})\s+{_NAME}(?:\s+(?:{_NAME}|van|de|der|den|da|di|von|du|del|la|le)){{0,4}}"
    rf"(?:\s*(?:,|&|\b(?i:{_AND})\b)\s*{_NAME}(?:\s+(?:{_NAME}|van|de|der|den|da|di|von|du|del)){{0,4}}){{0,3}}$")
# a picture's credit: "Fotoğraf: Ekonomi Postası Arşiv", "Kuva: Jari Laaksonen", "（撮影・瀬戸内新報）", "ⓒ황남일보 DB"
FOREIGN_CREDIT_RE = re.compile(r"(?i)^[(（]?(?:foto(?:grafia|graf[ií]a|ğraf)?|φωτογραφία|kuva|bild|zdj[ęe]cie|ảnh"
                               r"|사진|写真|撮影)\s*[:：・/]|^ⓒ")
# (their words, for a cheap look over the page before the expression runs)
FOREIGN_CREDIT_HINTS = ("fotoğraf", "φωτογραφία", "kuva", "bild", "zdjęcie", "zdjecie", "ảnh", "사진", "写真", "撮影",
                        "ⓒ")
