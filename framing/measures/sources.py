"""Sources: who gets a voice, their standing and their side, one row per attributed statement.

:func:`sources` reads the attributions of :func:`framing.attributions` (each reporting cue with its speaker,
a quotation's speaker resolved by :func:`framing.quotes`) and turns each speaker as written into a source:

Which statements
----------------
Every attribution whose speech is reported as having happened (neither ``negated`` nor ``hypothetical``)
and that stands in the narrator's voice (a reporting verb inside a quotation is the quoted source's own
report, not the outlet's sourcing). ``kind`` is ``direct`` for a quotation that is a whole sentence or more
(its opening mark starts a line or sentence, or follows a colon, a comma or the reporting verb, and it
opens with a capital), ``partial`` for a quoted fragment inside the narrator's sentence ("denounced the
strike as “completely unacceptable”"), ``reported`` for speech without quotation marks. ``start``/``end``
span the statement: the quoted content (from the first to the last quotation the cue introduces) or the
reported clause (the clause after the cue, or, when speaker and cue close the sentence -- "..., Pakistan
said." -- the sentence before them). ``n_words`` counts its words (the quoted words only, for quotations).

Who the source is (one source per person in an article)
------------------------------------------------------
* The text is read with its link cards blanked out (:func:`framing.text.link_cards.without_link_cards`: a
  person's full name glued to the headlines of related stories, then "MORE", as The Hill prints them), so the
  speaker is the name before the card, a party tag after it still makes a politician, and a card's headlines make
  no statements; offsets stay those of the stored text.
* The speaker phrase found is first moved to the phrase that names the source best: a description set off
  after a name is that person ("Clinton, who as first lady ...", "Trudeau—a man who ..."), a description
  followed by a name is that name ("North Korea's main ally, China, urged"; after the cue, the name that ends
  the sentence or is set off by a comma: "said his mother, Jane Smith", "said one of the wounded, Nezamuddin Khan,
  who"; not the subject of the clause "according to" opens: "According to the man, Roberts, whose rifle jammed,
  fled"), unnamed people cut off before
  a preposition keep their head ("lawmakers from both parties"), a determiner alone its noun phrase; a named
  body after unnamed people is theirs ("Hosts, contributors, and analysts at MSNBC and Fox News", "officials at
  the State Department"), and unnamed people joined by "and" stay together ("Some Republicans and right-leaning
  blogs"). When the attribution gives no speaker and the cue is the second of two coordinated verbs ("Senate
  leader Charles E. Schumer of New York celebrated their return but warned"), the source is the person
  whose name opens the sentence; so is the subject of a participle cue ("President Trump, meanwhile, commented
  ..., saying"), except that a progressive one in a clause a subordinating word opens is the verb of the noun
  phrase right before its auxiliary ("This is why so many dissidents are denouncing", "the plan that world
  powers are proposing"), and a name right after a cue with no speaker ("..., explains Jenn Budd, a former agent").
  Capitalised words after "to" that end a body's name ("the Brady Center to Prevent Gun Violence told") are
  no speaker: the person that description is set off after is. A sentence adverb set off before the subject
  ("However, Andrei Lankov, a North Korea expert, told"; "Meanwhile, ...") and a day after the cue ("said Monday
  in introducing") are no speaker; "there" or "here" after unnamed people is no part of them ("Officials there
  said": of the place named last before them in the sentence or the one before), nor the place or time a
  speaker is in ("U.N. official Chris Gunness in Gaza", "the Chinese Embassy in Bamako"). A participle after an
  inverted cue and an apposition is the named speaker's ("“...,” said Risa Grais-Targow, the Latin America
  director at Eurasia Group, adding that"); a reduced passive names its speaker after "by" ("views previously
  expressed by the defense secretary"; not the means: "said by phone"); an unnamed spokesperson right after a
  body spoke in that sentence or the one before speaks as that body ("London's Metropolitan Police tweeted ...
  a spokesperson told The Guardian"). Members named in an aside are no subject ("Critics of the agreement,
  including Republican lawmakers, say"; "opponents of the deal - such as some US Republicans - say", a hyphen
  between spaces being a dash), nor is what a participle or an adjective and its preposition say of the noun
  before them ("A senior U.S. intelligence official involved in regional security issues said", "diplomats close
  to the talks"); "who" after a thing of people stands for the people ("the objections of lawyers who warned");
  the one named after "one of the protesters," is that person ("said one of the protesters, 17-year-old Naesha
  Pierce"); a body the roles lexicon types speaks first of those joined with it ("Hezbollah and Syrian officials
  blamed"); a noun cue's possessive names its source over adjectives, a name's possessive by the name's words
  alone ("Putin's ironic claim" -> Putin, "put to the test China’s claim" -> China); a speaker that is no one
  ("no one in its network reported", "None of the officials said") makes the attribution ``negated``.
* A body's name goes on after its noun with "for", "on" or "of" (:func:`framing.text.grammar.links_body_name`: "the
  Center for American Progress", "the Institute for the Study of War", "the Council on Foreign Relations") and is
  never a person's ("the University of Wisconsin Oshkosh"); a title and a name after it are the person's ("Chamber of
  Commerce President Tom Donohue"). A body named with the noun of what it is, what it made or who speaks for it is
  the body ("Reuters news agency" -> Reuters, "a statement from the SDF" -> SDF, "a spokesman for the Podesta Group"
  -> Podesta Group), not a people's word or a person ("a North Korean spokesman", "a spokesman for Kerry"). A name
  that ends with a place's noun and holds no given name ("Ahrar Bridge") is no person, nor is a place a
  description's person ("in the Middle East, the Israeli leader said").
* A body's acronym is the name the article spells it out with ("NRA" -> "National Rifle Association", "ICE" ->
  "Immigration and Customs Enforcement" of "US Immigration and Customs Enforcement"): the initials of a whole run
  of capitalised words (a leading "The", acronym or side's name dropped; the small words counted or not, as in
  "DOJ"), the one followed by the acronym in brackets first; an acronym no name spells out stays as written.
* A person's name in the speaker ("Foreign Minister Hossein Amir-Abdollahian", "Amir-Abdollahian") is
  resolved to the longest form of that name the article gives ("Hossein Amir-Abdollahian"); a first name
  alone to the one full name it opens ("Mara" -> "Mara Liasson"); a given name may be a word of an
  institution's name ("Al Sharpton"); a name written with a corporate suffix ("Harlow Inc.") is a company;
  "the McCloskeys" is that person's family; a given name that names a place opens a name the article describes
  as a person's ("Chad Morrison, the director of ...", then "Morrison"), but a place after "in", "from", "near"
  or "at" is no given name ("Officials in Chad");
  "Araji" is "Noor al-Araji", "DiGenova" opening a sentence "Joseph diGenova"; a generation ends the name
  ("Martin Luther King Jr." is no king; "Brown" is "Jerry Brown Jr."), one generation of a family is not the other
  ("Donald Trump Jr." takes no title of his father's, and "Trump" alone is the father the roles lexicon lists);
  "King Abdullah" is "Abdullah II"
  where the article numbers the ruler (not "Crown Prince Hussein bin Abdullah"); a word in capitals (a headline's
  "APP") is no part of a name, nor a compound modifier or noun capitalised at a sentence's opening ("Long-time Trump critic", "Austin-based Jones",
  "Concert-goer Mike McGarry"); one word the article describes by a noun for a person ("Tiegan, a contractor who
  ...") is a person; a person owned by an outlet, a body or a country is named without the owner ("NPR's Peter
  Kenyon", "North Korea's Kim Jong-un", "Reason's Jacob Sullum" where the article also writes "Sullum").
  Where the article names several people of one surname ("President Donald Trump and first lady Melania
  Trump"), the surname alone is an official or a politician (listed so by the roles lexicon or titled so by the
  article), else one with another role (a host), else one with none, the one named first among equals, and of
  those one who has spoken ("Bill Clinton signed ... Hillary Clinton said ... Clinton said"); "Mrs. Trump" is the
  namesake the article shows to be a woman, "Sen. Clinton" the one it titles so (or with a title of that type),
  never one it gives only a family title ("first lady Michelle Obama"), nor, unless it gives them the title, one of
  another given name than the person the lexicon's ``terms:`` list under the surname alone, who held an office of
  the title's type ("President Trump" in 2018 is no "Ivanka Trump" the article names untitled; a full name with
  that person's first word and the listed surname is theirs: "Donald J Trump"). Where the article titles the
  surname alone ("President Trump", "Mr. Obama") as someone no namesake may be, that person is someone of their
  own, whose given name it never writes: the surname alone is theirs when they outrank every namesake ("Trump
  said" beside "President Trump" and "first lady Melania Trump", "Obama said" beside "Mr. Obama" and "Michelle
  Obama"), and the honorific of a namesake ("Ms. Trump" of "Ivanka Trump") says nothing of their sex.
  The person's titles are read before each mention, in the appositive after the full name and in the
  description set off before it ("Ms. Merkel's spokesman, Steffen Seibert,"; before a name that ends the
  sentence only after an inverted cue: "..., said the group's spokesman, Ali Reza."); not before the surname where it
  is part of a namesake's name ("first lady Melania Trump" describes no Donald Trump, "Neal Knox" no Jeff Knox)
  or opens another name the article gives ("North Korean leader Kim Jong Un" describes no Duyeon Kim, "Ali
  Khamenei" no Yashar Ali); a title owned by a body the article named before by its head word ("the agency’s
  director-general" after "the International Atomic Energy Agency") is that body's, unless the body is a side
  itself or the text names something else by that word in between ("council members"); an official with no side of
  their own takes the side of the person who owns the role. The office, team, staff or aides of an office
  holder, and the body they lead, speak as the office holder's office, of their side ("Moon's office",
  "Mueller's team", "Kim's regime"; "Netanyahu's aides" are unnamed people; "Trump's campaign" keeps the type of
  a campaign); not a client's lawyers, who are other ("Trump's lawyers", "defense attorneys", "lawyers for the
  family", "the lawyer").
* A description with a title and no name ("the Iranian foreign minister", "Tehran's top diplomat") is the person of
  the article with that type and side, when there is exactly one (or the nearest before it); one that names no
  country ("the president"), in an article about no other country, prefers the people of the ``home`` side; when
  the article gives no one that title but names the holder on its date by the lexicon's ``offices:``, and names
  no body near it that may have a president, it is that holder ("Trump held a rally. The president said" in a
  US story of October 2017 -> Donald Trump); of several people, the one the article titles with the office, though
  named long before a nearer holder of another ("President Donald Trump ... Secretary of State Mike Pompeo
  admitted ... than the president stated": Trump), unless someone near holds the office of a place ("Bill de
  Blasio, mayor of New York City"), the lexicon's holder on the article's date is another person it names, or the
  article brings in an unnamed holder since ("an Orange County judge ... the judge said"). A
  description with no role whose head is a noun for a person, right after a person spoke ("“...,” Trump said. The New
  York billionaire also said"), is that person. A title whose words are joined by hyphens ("the secretary-general")
  is the person titled so before it ("UN Secretary-General Ban Ki-moon"), and "the interim chief" the person titled
  so, the modifier read in lower case before the title too ("interim Austin police Chief Brian Manley"). A country
  taken up by what it is ("the kingdom", "the country", "the Jewish state", "the regime") is, of the countries that
  spoke, opened a sentence or are named in its own sentence before it, the one the article is about (unless it is
  the ``home`` side), else the last ("Israel struck Gaza. The Jewish state said": Israel, not Gaza), as its
  government; not a place a phrase cut short names ("teachers across the country").
* A pronoun is the nearest earlier source it can refer to (he/she a person, it an institution, they either);
  "he"/"she" is the person named in the previous or the same sentence when no person spoke there (a person of the
  article: one who spoke, has a title, is named twice or introduced as "X of Y", not "a Toyota Camry"; not a name
  that modifies an office: "the Obama administration"; not a name written after "the" or "in" in most of its
  occurrences: "the Middle East", "in Las Vegas"), else, with no earlier source, the nearest such person before it;
  "he"/"she" after one unnamed person who spoke in the same or the previous sentence, where no person is named, is
  that person ("“Stop,” the officer said. Later he said"); "they" are unnamed people named after the last source
  and before it, of what the previous sentence's source said only those it is about as a clause's subject
  ("Police said protesters gathered. They said": the protesters; "Officials say Russia built a network of agents.
  One of them, they say": the officials); a person or an unnamed head the article shows to be of the
  other sex is skipped ("Congresswoman Jane Harman", "husband Mark Kelly", "the mother": a title of one sex right
  before the name, or the head; "Mr. Moon" when the article never gives Moon a full name). "it" is the body that
  opens its sentence, after a time or circumstance too ("On July 17, Israel sent ground troops to destroy tunnels
  it said"), and "It" (or "But it") opening its sentence, when no
  body spoke in that sentence or the one before, the body that opened the sentence before ("The Pentagon released a
  statement. It said"); the writer's own voice outside quotations ("I say", "we agreed", "as we reported") is no
  source and gives no row. A pronoun written at the cue ("“...,” she said") is the speaker even when the attribution
  resolved it to a name sentences back; a speaker never reaches over the speaker of an earlier cue of the sentence
  that stands nearer ("As Egyptians marched, Cheney said ... and called him a friend": Cheney). "he"/"she" after
  a clause that opens its sentence with a name is that person ("While Jim Granados of the American Psychological
  Association supports the laws, he adds"). A speaker phrase ends where its clause goes on after a name the article
  or the lexicons know: a verb, an adverb or a time ("Trump broke his silence ..., claiming", "Macron meanwhile used
  his address ..., rejecting", "Abe on Friday repeated ..., adding": Trump, Macron, Abe; not a noun of the lexicon,
  "Trump allies", "Houthi rebels"), and a phrase that ends in a subject pronoun right before the cue is the pronoun
  ("Earlier he’d said", "a theme he repeated"; not "Emails she sent show").
* A person named with no title holds the office of the definite descriptions that follow their name
  ("Mr. Trump’s march ... in which the president demanded", "the party’s presumptive presidential
  nominee"; not "the president, Joe Biden" nor "the president of the union"): the office most of them
  give, on the side they name or else of the country the article is about. "a President O'Reilly would"
  is an office imagined, and the clause after "According to LaPierre," no description of him.
* A document speaks for its author: its possessor ("Trump's inaugural address"; the one "his", "her", "its" or
  "their" stands for: "Her plan calls for"), the agent after it ("a survey conducted by the CDC", "estimates by
  the RAND Corporation"), or, for "a tweet", "a statement", the first person named before it in the sentence. A
  document with no author in the phrase ("the memos", "the report", "that tweet") is the source whose verb made it
  just before, unless the article spoke of such a document before it or named another since ("the Associated Press
  reported ... according to the report", "Trump's account tweeted ... the tweet"; an article or story only an
  outlet's), else speaks for the author the nearest earlier mention of the same noun names ("the memos that former
  FBI Director James B. Comey wrote", "the report from special counsel Robert Mueller", "a confidential Navy
  report", "X said in a news release", "In a statement, the ministry said", "The NRA also issued a statement",
  "MGM has filed a lawsuit"); else "the statement" is the source who spoke just before it. A document a named
  body's name opens, after words that date it, is the body's ("A World Bank study showed" -> World Bank, "a CDC
  report", "the latest Nato estimate", "the CAP study" of the Center for American Progress (CAP)). A person's or
  body's own account speaks as its owner ("Trump's account tweeted"). "The ministry" is the earlier source with
  the same head word ("Pakistan's foreign ministry");
  "the group" the organisation named last before it; "that official" the unnamed official quoted before; "the
  bureau", "the observatory" the body named before it whose name has that word ("the Federal Bureau of
  Investigation", "the Syrian Observatory for Human Rights"), when the lexicon or the sides type that body.
  A body named by its kind is the body of that kind named before it: "the paper", "the news agency" the outlet
  named in the sentences just before ("The New York Times reported ... the paper said"), "the agency" the state
  body that is no place ("the FAA", "the FBI and the Department of Homeland Security": the last), "the company",
  "the firm" the company that spoke in those sentences or that the article describes as one anywhere before
  ("ride-hailing company Lyft", "NSO Group, an Israeli surveillance company", "Harlow Inc."); with a demonym
  ("the Israeli firm"), only one of that side or described with it.
* A family name written first is the full name the article gives after a title, for a person of a country
  that writes names so, when the rest of it is written nowhere alone ("Moon said" after "South Korean President
  Moon Jae-in"; not a name the roles lexicon lists, nor one that opens several full names: "Defense Minister
  Kim" beside "Kim Jong Un"). A day written before or after a speaker is no part of the name ("On Wednesday
  Esper said", "President Trump on Monday morning said", "the president Friday morning").
* A quantifier standing alone for people ("Some said", "but many say"; not "Many reported cases") is unnamed
  people, more of a group counted so just before ("Several Republican senators criticized the bill. Some
  said"), else some of the unnamed people named just before, as "they" are ("Residents were divided. Some said";
  "Farmers are worried. “...,” one said"), else of no known type; "some of those officials" are
  the officials; "Both said" is the first of two named together in its sentence or the one before, or two
  unnamed people; unnamed people with a member named between commas are that member ("Others, like Vijay Kaul,
  say", "Some, including the mayor, have suggested"), a named speaker not ("Gov. Jerry Brown, like Sen. Dianne
  Feinstein, said" is Brown's).
* What an outlet reports citing people or a body after the cue is theirs ("NBC reported, citing five current
  and former senior administration officials", "Reuters reported, citing Iranian state media"; not the reasons
  cited: "he said, citing threats to Israel", nor the outlet quoting the speaker: "..., quoted by Reuters"); an
  official so cited with no side of their own takes the citing outlet's ("Egypt's state news agency MENA
  reported, citing a health ministry official": Egypt). When the participle itself is the cue ("The newspaper,
  citing police records, reported", "Quoting Joyner:"), its source is what it cites when that is people, a body,
  a record (a report, data, an investigation) or a person the article describes, else the one who cites, also
  across an aside ("Authorities, citing threats, have refused"; "citing national security", "citing pressure
  from the White House" are reasons). The verb after such an aside is the cited source's by the same test, or a
  person's ("The message, quoting Nelson Mandela, reads"), or the one quoted "as saying"; else the subject's
  ("Trump, citing security concerns, said": Trump).

Type, side and anonymity
------------------------
``source_type`` comes from the bundled lexicon ``lexicons/sources.yaml`` (its description states the rules:
strong and weak role terms, the rightmost strong term wins), read in the speaker and, for a person, in the
titles and appositives the article gives that person anywhere ("Michael Kugelman, director of the South Asia
Institute at the Washington-based Wilson Center" -> expert); a president speaks for the body presided
("the president of the Buffalo Police Benevolent Association" -> other); a strong term the article gives a
person wins over a weak title of another type ("WDBJ General Manager ; the station's current general manager"
-> media), and a weak term owned by a body with a strong term is the body's ("the NRA's spokesman" -> other); a
role shared is the role ("Co-host Joy Behar" -> media, "co-director of the center" -> expert); a strong word that
only names the field of a weak role yields to the body the role is held in ("security director for the
Asia-Pacific Foundation think tank" -> expert); "a secretary" who holds a job holds no office ("a secretary from
Sao Paulo"; not "a cabinet secretary");
a client's attorney ("former Trump attorney") is other, a person arguing "in his book" an expert; a broadcaster
by its call sign and band or channel ("KSDK-TV", "FOX 9", "KARE 11"), or by four capitals the article calls a
station ("WJLA, the local ABC affiliate"), is media; a civilian once ("a former hostage") is still a civilian, a
former role beside a civilian's word ("a former FBI hostage negotiator") an expert. A body's name holds "to" before
the verb of its aim ("the Brady Campaign to Prevent Gun Violence") and "and" after "Department of X" ("the Department
of Health and Human Services"); a person by given name and surname "with the" body is the person ("Brian Malte with
the Brady Campaign"). A person the
article gives no role takes the type and side of the lexicon's ``people:`` list of office holders ("Vladimir
Putin" -> government, Russia; television hosts and columnists -> media, no side) or of its ``terms:`` list of
office holders whose type depends on the article's ``date`` ("Trump" in 2016 -> politician, in 2018 ->
government; in an article with no date, the office's type), or on the year the sentence gives for the words ("Trump
claimed during the 2016 campaign" in 2019 -> politician; "on the campaign trail" within three years of the term's
start: the campaign before it); a title of that office before the first term is no office held ("President
Trump" in a story of 2016, a president-elect -> politician); staff of such an office holder whose terms had ended by the
article's date are former officials, experts ("Fred Hof, President Barack Obama's special adviser" in 2018); a
pronoun takes up a person of its own sex, shown by a title or by a given name nearly all of whose bearers are of one
sex (:mod:`framing.text.given_names`); a noun for anyone gives no role to a person so
listed ("Mueller, the person who was charged with investigating ...") but describes a civilian otherwise ("an
unarmed black man"); else the person is what the article's own words make of them (a suspect, other, when the law
acts on them: "police arrested Daniel Sanchez", "Smith, 24, was indicted"; media when they speak in a venue of
their own: "pointed out on his blog", "argued on her show"; a role the article gives as a predicate after the
name, "Williams was appointed police chief in 2016", a former one when it only was: "Hale was ambassador to Japan
until 2015"),
with ``people="corpus"`` the role other articles of the corpus give the same full name, else civilian. An office
named after the body it heads takes the body's type ("NAACP president", "the co-president of the Brady
Center": other; "NRA Executive Vice President Wayne LaPierre": other; "the UN special envoy": international_ngo;
not a party's adjective: "Democratic President Barack Obama"), and "the chief said" is the person named last
before it with that title; a word for people inside a capitalised name types nothing ("Choe Son Hui", "the
Parents Television Council", "Families Against Mandatory Minimums"); a named body
of no known type takes the type of its apposition ("Arbor, a company that ..."), of a corporate suffix
("Walmart Inc.") or of the description that opens the next sentence when the body opens its own ("Walmart
announced ... The retailer ..."), or, when it reports, is an outlet ("Defense One reported"). A share of people
("83 percent said", "seven-in-ten say") is the anonymous respondents of a survey (civilian).
``affiliation`` is the side the source speaks for:
the user's ``actors`` (side -> aliases) first, then the gazetteer of sides (:func:`framing.load_sides`: country names,
demonyms, capitals, institutions: "Iranian Foreign Minister ..." -> Iran, "Pakistan's foreign ministry" ->
Pakistan; a diplomat's destination is not their side: "U.S. ambassador to the United Nations" -> United States;
a state body in a place is of the place's side: "the defense ministry in Seoul" -> South Korea), in the speaker, then in the person's titles; unnamed officials with no side ("authorities said", "the army
said", "health ministry sources said"), named officials and officers whose titles name no country ("Interior
Minister Jan Jambon" in an article about Belgium) and unnamed people ("supporters claimed") take the country the
article is about when one country has at least half of its mentions of countries or three times the next one's
(of two named as often, the one the story is filed from, if either is), and else, but for unnamed people from abroad ("Western security sources"), officials take the ``home`` side;
civilians of the ``home`` side speak for no side, named or not ("Luke Somers, an American photojournalist");
experts and civilians take no side from the body or the place they work or live in ("a senior fellow at the think
tank New America", "a researcher at Seoul's Asan Institute"; not "an Iranian analyst at ..." nor a former
official's); several countries that speak together speak for no one side, and the source is the list ("China and
Russia asked", "Britain, France and Germany said"; "U.S. and Japanese officials" are anonymous);
a named organisation or armed group with no other side speaks for itself, an outlet its description makes a
state's speaks for that state ("Granma, the official newspaper of the Communist Party in Cuba", "a state-run Chinese
tabloid"); a word of a person's name is no side
of theirs ("adviser Lisa Monaco", "Sheriff Scott Israel", "Police Chief Chad Smith"); where the article names a
country only as the surname of a person it gives a title or a description, the bare surname is that person
("Israel said" in an article on the Broward sheriff) and does not make the country the article is about. A
role held in the past ("former", "Ret.", "from 2013 to 2017") makes an expert, unless serving holders speak with
them ("current and former officials"), whatever body is named after the role ("a former top adviser to Condoleezza
Rice at the State Department"); a rank kept in retirement yields to a description that says "retired" ("Lt. Col.
Rick Francona, a retired U.S. Air Force intelligence officer" -> expert; not "Gen. Mark Milley, a former
commander of ...").
``anonymous`` is true when the source names no one and its head is a person noun of the lexicon ("a senior official",
"sources", "witnesses", "authorities", "Muslims"), a people's plural ("Palestinians said", "most Israelis"; "the
Russians" as a party speak for its government), a lower-case noun with a person's ending in the plural or after "a",
"an", "one", "another" ("farmers", "a local businessman", "an Afghan refugee"; typed by the last word of a hyphened
noun: "the shop-owner" is a civilian), any of these counted by an amount ("a group of lawmakers", "dozens of
witnesses"), a person described with such a noun after "the" whom the article does not name nor give an office
("the navigator testified", "the bartender said"; not "the spokesman", "the county prosecutor", nor a description
of a person named just before), a relative the article does not name ("the suspects' uncle", "the victim's aunt";
"the mother" is the person described as the victim's mother before), a plural role that opens a sentence ("Senators
said"), or the unnamed source named so before ("a White House adviser told reporters ... according to the
adviser"), or "he" or "she" after an unnamed person who opens the sentence before when no one is named there ("a
Florida legislator brought forth a bill. He cited ..."), or it carries an anonymity phrase ("officials familiar with the matter"); unnamed
bodies in the plural are anonymous ("aid agencies", "some US media outlets", "three Russian companies", "South
Korean media", "local radio stations"; not "the companies" the article named before, nor a state's media, "Russian
state media"); reports no
outlet is named for are media, named by no one but no anonymous people ("media reports said", "according to reports";
not "the reports" the article named before, a document, nor "CNN reports"); a quantifier that
opens the sentence gives no name ("Other Republicans said"); a named office, outlet or document ("a Pentagon
spokesman", "the statement") is not anonymous. "They" is the unnamed people who spoke in its sentence or the one
before when one person spoke after them ("Officials told the Post that Trump discussed ... They said").
"""

from __future__ import annotations

import bisect
import collections
import functools
import importlib.resources
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from os import PathLike
from typing import Any

import pandas as pd

from framing import registry, schema
from framing._checks import check_option
from framing._yaml import load_yaml, read_yaml
from framing.errors import LexiconError
from framing.lexicon.load import Lexicon
from framing.measures._inputs import checked_annotations
from framing.measures.sides import MIXED, Sides, bundled_sides
from framing.measures.actors import load_actors
from framing.measures._speakers import not_a_speaker
from framing.measures.attribution import attributions as find_attributions
from framing.text.annotate import Annotations
from framing.text.given_names import given_name_sex, is_given_name
from framing.text.link_cards import without_link_cards
from framing.text.grammar import (ADVERBS, AUX_BE, AUX_OTHER, CITING_CUES, DAYS, GENERATION, IRREGULAR_VERBS,
                                   MANNER_ADVERB, MONTHS, DETERMINERS, IRREGULAR_PAST, NAME_PREPOSITIONS,
                                   NOUN_EXCEPTIONS, PREPOSITIONS, STANDING_QUANTIFIERS, TIME_WORDS, adverb_in_ly,
                                   is_generation, main_subject, number_word, links_body_name, opens_subordinate_clause,
                                   person_noun, time_phrase, tokenize)
from framing.text.quotes import REPORTING_VERBS, in_quote, speaker_name
from framing.text.sentences import NAME_ABBREVIATIONS, TITLES, is_name_abbreviation
from framing.text.tokens import count_tokens

__all__ = ["SOURCE_COLUMNS", "SOURCE_TYPES", "SOURCE_KINDS", "sources"]

#: columns of :func:`sources`
SOURCE_COLUMNS = schema.SOURCES
#: the values of ``source_type`` (the codebook of the hand-coded gold)
SOURCE_TYPES = schema.SOURCE_TYPES
#: the values of ``kind``
SOURCE_KINDS = schema.SOURCE_KINDS

_PRONOUNS = {"he": "person", "him": "person", "she": "person", "her": "person", "it": "thing", "its": "thing",
             "they": "any", "them": "any", "you": "any", "we": "any", "i": "person", "who": "any", "both": "any"}
#: words for when a person held an office ("current and former officials")
_SERVING = r"(?:current|serving|active|present)"
_PAST = r"(?:former|retired)"
_STATUS = rf"(?:{_SERVING}|{_PAST}|past)"
#: serving and past holders of an office together ("current and former officials", "former and current aides")
_SERVING_AND_PAST = re.compile(rf"(?i)\b{_SERVING}\s+(?:and|or)\s+{_PAST}\b|\b{_PAST}\s+(?:and|or)\s+{_SERVING}\b")
#: a capitalised word or an initial right before what follows ("Scott " of "Scott Israel", "D. " of "William D. French")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w’'.\-]* $")
#: a second speaker named right after the first ("Smith and Jones said", "Sen. Moss, and Rep. Hart")
_JOINED_NAME = re.compile(r",?\s+(?:and|&)\s+[A-Z]")
#: words that say several people spoke as one ("in a joint statement", "Obama and other leaders")
_TOGETHER = re.compile(r"\b(?:joint(?:ly)?|together|along\s+with|and\s+(?:the\s+)?others?)\b")
#: people named together, whom a "they" after them may stand for ("Sen. John McCain and South Carolina Sen. Lindsey
#: Graham slammed ... they said", "Sidney Powell and Jesse Binnall, Flynn's lead counsel, wrote", "Bermudez and his
#: colleague Jack Liu")
_NAMES_JOINED = re.compile(r"[A-Z][\w’'.\-]+(?:\s+\([^)]{1,30}\))?(?:\s+of\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)?"
                           r"(?:,\s+[^,.;]{1,80},)?,?\s+(?:and|&)\s+(?:[a-z][\w\-]*\s+){0,3}[A-Z]")
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|these|those|some|its|their|his|her)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
#: a possessive inside a phrase ("MIT's Jim Walsh"; not a plural's, which names may hold: "the National Farmers' Union")
_OWNER = re.compile(r"(?:’s|'s)\s")
_DEFINITE = re.compile(r"(?:the\s|[\w.\-]+(?:’s|'s)\s)", re.IGNORECASE)
#: a member named between commas after the people a source phrase names, before the cue ("Others, like Vijay
#: Kaul, say", "Some, including the mayor, have suggested")
_NAMED_MEMBER = re.compile(r",\s+(?:like|including|such\s+as)\s+([^,;:()]{2,80}?),\s+(?:(?:have|has|had)\s+)?"
                           r"(?:[a-z]+ly\s+|also\s+)?")
#: a body referred to by its head word alone ("the bureau", "the observatory")
_THE_BODY = re.compile(r"(?i)the\s+[a-z]+")
#: the types of sources that speak for a state
_OFFICIAL = frozenset({"government", "military_security"})
#: the types of unnamed people who speak for a side ("officials", "lawmakers", "militants")
_SIDED_TYPES = _OFFICIAL | {"politician", "armed_group"}
#: a present participle after the head, with what it governs ("the agent leading the investigation")
_PARTICIPLE_AFTER = r"(?<=[a-z])\s(?!(?:during|including|according|regarding|concerning|following)\s)[a-z]{2,}ing\s+" \
    r"(?=(?:the|a|an|his|her|its|their|this|that|these|those)\s|[A-Z])"
_POST_MODIFIER = re.compile(r"\s(?:at|of|for|in|on|with|who|whom|which|from|to|and|since|under|between)\s|,|\("
                            r"|\s[a-z]+ed\s+by\s|" + _PARTICIPLE_AFTER)  # "an American woman interviewed by Sky television"
#: a named body opening a sentence ("The FBI released ...", "Pakistan's foreign ministry said ...")
_BODY_OPENING = re.compile(r"\s*((?:[Tt]he\s+)?(?:[A-Z][\w’'\-.]*\s+){0,4}?[A-Z][\w’'\-.]*|[Tt]he\s+[a-z]+)"
                           r"(?=\s+(?:(?:has|had|have|also)\s+)?(?:[a-z]+(?:ed|s)|sent|made|took|gave|told|put|set|"
                           r"hit|began|struck|shot|built|held|brought|fought|kept|left|led|met|paid|ran|saw|sought|"
                           r"spoke|stood|won|wrote|drew|threw|chose|broke|bought|sold|went|came|found|got)\b)")
#: a clause whose subject is a name ("after Moscow expelled", "which the European Union defended")
_NAMED_CLAUSE = re.compile(r"\b(?:which|that|who|whom|after|before|when|while|because|since|as|until|if|although|"
                           r"though|whereas)\s+(?:the\s+)?[A-Z]")
#: what opens a sentence before its subject: a time or circumstance set off by a comma ("On July 17, Israel sent",
#: "After Iran seized the tanker, Britain sent") or an adverb ("Then Iran switched", "But it said")
_OPENING = re.compile(r"\s*(?:(?:On|In|At|After|Before|During|Since|When|While|As|Earlier|Later|Last|Late|Early|"
                      r"Meanwhile|However|Separately|Overnight|Then|Instead)\b[^,.;:“”\"\n]{0,60},\s+|"
                      r"(?:Then|Now|Still|Meanwhile|However|Instead|Later|Earlier|Also|But|And|So|Yet|Separately|Today|"
                      r"Yesterday)\s+)")
#: a body a role is held in: "of/for/at/with (the) <Capitalised words>"
_IN_BODY = re.compile(r"\b(?:of|for|at|with)\s+(?:the\s+)?((?:[A-Z][\w&’'\-]*\.?\s?){1,6})")
#: last words of bodies that are think tanks as often as advocacy groups ("the Stimson Center"): no guess
_THINK_TANK_HEADS = frozenset("center centre institute foundation council project initiative forum society".split())
#: a name that opens a sentence, after at most three lower-case or title words ("Conservative commentator Ann
#: Coulter", "Sen. Robert Menendez"), followed by a comma, a verb or "who"
_SUBJECT_NAME = re.compile(r"\s*(?:[\w.’'\-]+\s+){0,3}?((?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-]+)(?=\s*,|\s+(?:who\s|has\s|had\s|was\s|is\s|[a-z]+(?:ed|s)\b))")
#: who issued a document, right before the document's noun ("The NRA also issued a statement")
_ISSUED = re.compile(r"((?:[Tt]he\s+)?(?:(?:[A-Z]\.)+\s*|[A-Z][\w’'\-]*\s+){0,4}[A-Z][\w’'\-]+)\s+"
                     r"(?:(?:also|later|then|has|had|have|quickly|earlier)\s+){0,2}"
                     r"(?:issued|released|put\s+out|posted|published|sent|distributed|filed|unveiled|"
                     r"(?:wants?|wanted|plans?|planned|is\s+to|was\s+to|will|would)\s+(?:to\s+)?"
                     r"(?:issue|release|publish|file|unveil))\s+"
                     r"(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\w\-]+\s+){0,2}$")
#: "from" or "by" after a document: someone else's document ("a statement from the president")
_FROM_OR_BY = re.compile(r"\s+(?:from|by)\s")
#: a preposition or a title right before a name, which is then no subject ("in Kyiv", "of the White House", "Gov.")
_OBJECT_BEFORE = re.compile(r"(?:(?<![\w’'\-])(?i:in|of|at|for|from|to|with|by|on|about|against|near|under)|"
                            r"(?<![\w’'\-])[A-Z][a-z]{1,4}\.)\s+\Z")
#: the titles of rulers, named by a given name ("King Abdullah II", "Crown Prince Mohammed bin Salman")
_ROYAL = frozenset("king queen prince princess emperor empress sultan emir pope".split())
#: words that make an outlet a state's ("state-run", "the official newspaper of the Communist Party")
_STATE_OWNED = re.compile(r"(?i)(?<![\w\-])(?:state|state-run|state-owned|state-controlled|official|government|"
                          r"government-run|government-owned|government-controlled|ruling|communist)(?![\w\-])")
#: "a" before a secretary who holds a job, no office ("a secretary from Sao Paulo", "a legal secretary"; not "a
#: cabinet secretary", "the secretary")
_CLERICAL = re.compile(r"(?<![\w\-])[Aa]n?\s+(?:(?!cabinet\s|party\s|state\s|press\s|foreign\s|home\s|deputy\s|"
                       r"permanent\s|assistant\s|under\s)[a-z\-]+\s+)?$")
#: "he" or "she" and the rest of their clause, up to the pronoun's cue
_HE_OR_SHE = r"(?:he|she)\s[^.;:“”\"]*"
#: a subordinate clause that opens a sentence with a name, up to the comma before the main clause's subject (no
#: speaker set off by commas between: "When Bolton visited Kyiv, Taylor said, he voiced" is Taylor)
_FRONTED_SUBJECT = re.compile(r"\s*(?:While|Although|Though|Even\s+though|As|After|When|Since|Because|Before|Once)\s+"
                              r"((?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-]+)\s"
                              r"(?:(?!,\s+(?:[A-Z][\w’'\-]*\s+){1,3}(?:said|says|added|noted|recalled),)[^.;:“”\"])*,\s*"
                              + _HE_OR_SHE)
#: a person described so who opens the sentence, then "and he" or "but she" after a comma ("The chief did not take
#: questions, and he added")
_DESCRIBED_SUBJECT = re.compile(r"\s*([Tt]he\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s+[^.;:“”\",]*,\s*(?:and|but)\s+"
                                + _HE_OR_SHE)
#: words before a name that say its role is past, then up to four words of its title, none a word that links
#: another noun ("former St. Louis police ", "ex-Sen. "; not "former aide to ", "ex-boss ")
_PAST_BEFORE = re.compile(r"(?<![\w\-])(?:(?i:former|retired|ret\.)\s+|(?i:ex)-(?=[A-Z]))(?:(?!(?i:to|of|for|with|at|"
                          r"in|on|by|from|and|or|the|a|an|his|her|their|its|who|whose)\b)[\w.\-]+\s+){0,4}\Z")
#: "he" and "she" as words, in any case ("He", "he’s"), not the surname He ("Vice Premier He Lifeng")
_HE_SHE = {sex: re.compile(r"(?<![\w’'\-])(?i:" + sex + r")(?![\w\-])(?!\s+[A-Z])") for sex in ("he", "she")}
#: what ends a stretch of a sentence before a name: a comma, a colon, a dash, a bracket, a line's end
_STRETCH_END = re.compile(r"[;:,—–()\n]")
#: a clause with a subject of its own after "and", "but" or a semicolon ("He left, and Sen. John Smith took the floor")
_NEW_CLAUSE = re.compile(r"(?:,\s*(?:and|but|while|whereas|yet|so)\s|;)")
#: what stands between "he" and the name that "he" is ("He is Sgt. John Smith", "He’s Sen. Jon Ray")
_IS_THE_NAME = re.compile(r"(?:’s|'s|\s+(?:is|was|became|becomes|remains|remained))\s+")
#: a finite verb right after a name, which is then its subject ("Barack Obama signed", "Sen. John Smith left")
_FINITE_AFTER = re.compile(r",?\s+(?:(?:also|then|later|quickly|again)\s+)?(?:[a-z]+ed|[a-z]+s|said|told|wrote|spoke|"
                           r"met|took|gave|left|made|sent|ran|won|led|went|came|had|was|will|would|could|did)\b")
#: a word that opens a clause, right before "he" or "she" ("Before he left office President Barack Obama signed")
_OPENS_CLAUSE_BEFORE = re.compile(r"(?i)(?<![\w’'])(?:before|after|when|while|as|since|because|if|once|until|although|"
                                  r"though)\s+\Z")
#: a sentence that opens with "he" or "she", past a conjunction or a linking adverb ("And he", "Later, she")
_OPENS_WITH = {sex: re.compile(r"\s*(?:(?:And|But|Then|Later|So|Yet|Instead|Still|Now|Also)\b,?\s+(?i:" + sex + ")|"
                               + sex.capitalize() + r")(?![\w\-])(?!\s+[A-Z])") for sex in ("he", "she")}
#: a person's staff: "Mr. Stockman’s spokesman", "Sen. Cruz's press secretary"
_STAFF_OF = re.compile(r"((?:[A-Z][\w’'\-]*\.?\s+){0,3}[A-Z][\w’'\-]+)(?:’s|'s)\s+(?:(?:chief|senior|top|deputy)\s+)?"
                       r"(?:spokes(?:man|woman|person)|aide|adviser|advisor|press\s+secretary|chief\s+of\s+staff|"
                       r"communications\s+director)")
#: the people who work for a person, speaking for them, and the bodies a person leads: "Moon's office", "Mueller's
#: team", "Netanyahu's aides", "Kim's regime", "Pompeo's delegation"
_OFFICE_OF = re.compile(r"((?:[A-Z][\w’'\-.]*\s+){0,4}[A-Z][\w’'\-]+)(?:’s|'s|(?<=s)’|(?<=s)')\s+(?:(?:own|press|chief|senior|top|"
                        r"deputy|investigative|prosecution|transition)\s+)?(office|team|staff|camp|aides?|delegation|"
                        r"advisers?|advisors?|spokes(?:man|woman|person)|secretary|chief\s+of\s+staff|"
                        r"administration|government|regime|cabinet|campaign)")
#: a person's or body's own account, feed or page, which speaks as its owner ("Trump’s account tweeted", "the
#: ministry's official Twitter account posted")
_OWN_ACCOUNT = re.compile(r"((?:[\w’'\-.]+\s+){0,4}[\w’'\-]+?)(?:’s|'s|(?<=s)’|(?<=s)')\s+"
                          r"(?:(?:official|personal|verified|own)\s+)?(?:(?:Twitter|Facebook|Instagram|Telegram|"
                          r"YouTube|TikTok|X|social[\s\-]media)\s+)?(?:account|feed|page|channel)")
#: the staff of :data:`_OFFICE_OF` who are people the article does not name ("Hadi's aide", "Biden's staff"; a
#: spokesman, an office or a team is named by the role)
_UNNAMED_STAFF = frozenset("aide aides adviser advisers advisor advisors staff".split())
#: a person's name (titles included) and "and" right before another speaker: joint speakers
_JOINT = re.compile(r"(?<![\w’'\-])((?:[A-Z][\w’'\-]*\.?\s+){0,3}[A-Z][\w’'\-]+(?:,?\s+[JS]r\.)?)(?:\s+of\s+(?:[A-Z][\w’'\-.]+\s?){1,3})?"
                    r"(?:,\s+(?:[A-Z][\w’'\-]*\.?\s+){0,3}[A-Z][\w’'\-]+(?:\s+of\s+(?:[A-Z][\w’'\-.]+\s?){1,3})?)*"
                    r",?\s+and\s+(?:other\s+|fellow\s+)?\Z")
#: a matter for the police in the sentences of a statement: the unnamed "authorities" are the police
_POLICE_MATTER = re.compile(r"\b(?:[Pp]olice|[Ss]heriff|[Dd]eput(?:y|ies)|[Dd]etectives?|[Ii]nvestigators?|"
                            r"[Oo]fficers|[Gg]unman|[Gg]unmen|[Ss]hooter|opened\s+fire|"
                            r"[Ss]hooting(?!\s+(?:ranges?|competitions?|clubs?|sports?|galler(?:y|ies))))\b")
#: words that date or order a document before the name of the body that made it ("a 2013 Harvard study", "the
#: latest Nato estimate")
_DOCUMENT_ORDER = frozenset("new latest recent last first second third final annual updated earlier previous".split())
#: one of up to three words between a possessor and the document it made that describe the document ("the
#: Pentagon's most recent progress report"), none of them a word that opens or links a clause or a phrase ("Trump's
#: allies said the speech", "Nixon's veto of the legislation")
_NOT_DESCRIBING = DETERMINERS | PREPOSITIONS | AUX_BE | AUX_OTHER \
    | {"that", "which", "who", "and", "or", "but", "not"} | {verb for verb in REPORTING_VERBS if " " not in verb}
_DESCRIBING = r"(?:(?!(?:" + "|".join(map(re.escape, sorted(_NOT_DESCRIBING, key=len, reverse=True))) + \
    r")[^\S\n])[a-z][\w\-]*[^\S\n]+)"
#: participles after a document's noun that say how it was made, no verb its maker speaks with ("a tweet posted
#: before the attack")
_MADE_AFTER_DOCUMENT = re.compile(r"(?:posted|released|published|issued|sent|written|shared|uploaded|made|given|"
                                  r"delivered|signed|filed|obtained|seen|reviewed|reported|carried|cited)\b")
#: words that open or report the clause after a document, past which a body after "by" or "from" is in what the
#: document says ("a statement that Ullah came from Bangladesh", "The report said the coalition led by the U.S."; not
#: a relative clause of how it was made: "a report that was published by Amnesty")
_CLAUSE_BEFORE_AGENT = re.compile(r"\b(?:(?:that|which|who)(?!\s+(?:was|were|is|are|ha[sd]\s+been|have\s+been)\b)|"
                                  r"said|says|stated|states|found|finds|showed|shows|claimed|claims|added|adds|"
                                  r"noted|notes|argued|argues|warned|warns|concluded|concludes|alleged|alleges|"
                                  r"accused|accuses|described|describes|urged|urges|revealed|reveals|saying|stating|"
                                  r"showing|claiming|adding|noting|warning|arguing|alleging|accusing|describing|"
                                  r"urging|revealing|calling|announcing|confirming|denying)\b")
#: a document its owner made, named by a possessor before a few words that describe it, with what it is about
#: after it ("the Pentagon's most recent progress report on Afghanistan"; the document's word is checked apart)
_OWNED_DOCUMENT = re.compile(r"(?:the\s+)?(?P<owner>[A-Z][\w.’'&\-]*(?:\s+[A-Z][\w.’'&\-]*){0,4})(?:’s|'s)\s+"
                             r"(?P<describing>" + _DESCRIBING + r"{0,3})(?P<noun>[a-z]+)"
                             r"(?:\s+(?:on|about|into|of|for|to)\s+.+)?")
#: words of a document about its possessor, whom it does not speak for ("the Pope's autopsy report", "the
#: President's medical report")
_ABOUT_OWNER = frozenset("""autopsy medical health tax criminal arrest birth death school academic financial
court police prison service personnel travel phone""".split())
#: the verbs a source makes a document with: "the Associated Press reported ... according to the report", "Trump
#: tweeted ... the tweet said", "North Korea announced ... The announcement"
_DOCUMENT_VERBS = {"report": "report", "tweet": "tweet", "post": "post", "announcement": "announc",
                   "letter": "wr[io]t", "article": "(?:report|wr[io]t|publish)",
                   "story": "(?:report|wr[io]t|publish)", "editorial": "(?:wr[io]t|publish)",
                   "column": "wr[io]t", "op-ed": "wr[io]t", "testimony": "testif", "email": "(?:e-?mail|wr[io]t)",
                   "message": "(?:messag|text|wr[io]t)", "memo": "wr[io]t", "declaration": "declar"}
#: a document's phrase that opens a sentence before the clause of the one who made it ("In a statement, the
#: ministry said")
_IN_DOCUMENT = re.compile(r"(?:^|[.!?:”\"]\s+|\n\s*)In\s+(?:an?|the|his|her|its|their)\s+(?:[\w\-’']+\s+){0,4}\Z")
#: a determiner or possessive pronoun before a document's noun that points back to one named before
_ANAPHORIC_DOCUMENT = re.compile(r"(?i)(?<![\w\-])(?:the|that|this|these|those|its|his|her|their)\s+"
                                 r"(?:[a-z][\w\-]*\s+){0,2}\Z")
#: a document or a person named by a noun alone, after "the" or a demonstrative ("the report", "that tweet", "the
#: new memo", "the lawyer")
_BARE_DESCRIPTION = re.compile(r"(?:[Tt]he|[Tt]hat|[Tt]his|[Tt]hese|[Tt]hose)\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*")
#: what an outlet publishes ("The New York Times reports ... The article indicates"; not what others report: "the
#: police reported ... CORRECTION: The article")
_PUBLISHED = frozenset("article articles story stories editorial editorials column columns op-ed op-eds".split())
#: documents that speak for the source who issued them ("the statement said"): their author is the source
_AUTHORED = frozenset("statement statements communique communiqué readout release summary".split())
#: the types that take the ``home`` side when nothing else gives them one
_HOME_TYPES = frozenset({"government", "military_security", "politician"})
#: a mention whose owner is named earlier in the sentence ("its", "the country’s", "state TV")
_ANAPHORIC = re.compile(r"(?i)(?:its|their|the\s+(?:country|province|nation|state|city|region|government)(?:’s|'s)|"
                        r"(?:its\s+|the\s+)?state(?:-run|-owned|-controlled)?)\s")
_SHIELD = re.compile(r"(?<![\w’'])(?:(?:an?|the|some|two|three|several|many|other)\s+)?(?:[\w’'\-]+\s+){0,3}?"
                     r"([a-z][\w\-]*)\s+"
                     r"(?:familiar\s+with|close\s+to|briefed\s+on|knowledgeable\s+about|privy\s+to|"
                     r"with\s+(?:direct\s+|firsthand\s+|first-hand\s+|detailed\s+|intimate\s+|some\s+)?"
                     r"knowledge\s+of)\s+", re.IGNORECASE)
#: words after which "the president" may open a clause as its subject or agent ("in which the president demanded")
_CLAUSE_OPENERS = frozenset("""by which that who when and but as while because if after before where since though
    although until once whom whose""".split())
#: the names of the days and months as written, for patterns ("Monday|Tuesday|...", "April|August|...")
_DAY_NAMES = "|".join(sorted(day.title() for day in DAYS))
_MONTH_NAMES = "|".join(sorted(month.title() for month in MONTHS))
#: when a sentence says its statement was made: "in 2007", "in May 2016", "during the 2016 campaign", "in a 2015
#: interview" (a year after "in", "during" or "at" alone, or with an occasion of speech)
_SAID_WHEN = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Aa]t)\s+(?:(?P<month>" + _MONTH_NAMES + r")\s+(?:\d{1,2},?\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b(?![\w\-])|(?:the|a|an|his|her|their|its)\s+(?P<year2>(?:19|20)\d\d)\s+(?:presidential\s+)?"
    r"(?:campaign|race|primary|primaries|interview|speech|rally|debate|testimony|hearing|letter|memo|memoir|book|op-ed|"
    r"remarks|statement|address|convention)\b|(?P<year3>(?:19|20)\d\d)\b(?![\w\-]))"
    # the campaign for an office ("on the campaign trail", "during the campaign", "while campaigning")
    r"|\b(?P<campaign>(?:[Oo]n|[Ff]rom)\s+the\s+campaign\s+trail|[Dd]uring\s+(?:the|his|her|their)\s+"
    r"(?:presidential\s+)?(?:campaign|run)(?:\s+season)?|[Ww]hile\s+campaigning|[Aa]t\s+(?:a|his|her)\s+campaign\s+"
    r"(?:rally|event|stop))\b")


#: words that date a statement to the article's week ("on Tuesday", "this morning")
_RECENTLY = re.compile(r"\b(?:" + _DAY_NAMES + r"|today|yesterday|tonight|"
                       r"this (?:week|morning|afternoon|evening)|last (?:week|night))\b")
#: what opens the words said after a cue: "that", a comma, a colon or a quotation mark
_CONTENT_OPENING = re.compile(r"\bthat\b|[,:;“\"]")
#: a subject pronoun after the cue opens what was said ("says he didn't know in 2016")
_CONTENT_SUBJECT = re.compile(r"\b(?:he|she|they|it|we|I|you)\b")


def _said_in(text: str, sentence: tuple[int, int], cue: int, campaign: pd.Timestamp | None = None
             ) -> pd.Timestamp | None:
    """The day the sentence of the cue at ``cue`` says its statement was made (the year named nearest the cue, in
    the middle of its month or year; ``campaign`` for "on the campaign trail", "during the campaign"), or None when
    it names none."""
    best = None
    if _RECENTLY.search(text, sentence[0], sentence[1]):
        return None  # "Trump, who won in 2016, said on Tuesday": a weekday dates the words to the article's week
    for m in _SAID_WHEN.finditer(text, sentence[0], sentence[1]):
        if m.start() < cue and len(text[sentence[0]:m.start()].split()) > 1:
            continue  # before the cue only a phrase that opens the sentence ("In 2007, ...", "In a 2015 interview,
            # ..."), not a year inside its subject ("In a nod to the war that ended in 1975, Obama thanked")
        if m.start() > cue and (m.start() - cue > 40 or _CONTENT_OPENING.search(text, cue, m.start())
                                or _CONTENT_SUBJECT.search(text, cue, m.start())):
            continue  # a year in what was said ("asked Congress to reinstate a ban that expired in 2004")
        if m.group("campaign"):
            day = campaign
        else:
            year = m.group("year") or m.group("year2") or m.group("year3")
            day = pd.Timestamp(f"{m.group('month')} 15, {year}" if m.group("month") else f"{year}-07-01")
        if day is not None and (best is None or abs(m.start() - cue) < abs(best[0] - cue)):
            best = (m.start(), day)
    return best[1] if best else None


#: offices named after what they preside over: "president of the association" is the association's
_PRESIDENTS = frozenset({"president", "vice president", "presidents"})
#: a role named before the body that owns a place: "a professor at | Albany's School of Criminal Justice"
_ROLE_BEFORE_OWNER = re.compile(r"(?i)((?:an?\s+|the\s+)?[a-z][\w\-]*(?:\s+(?:and\s+)?[a-z][\w\-]*){0,3})\s+(?:at|with)\s")
#: an office holder whose staff a role names: "President Barack Obama's | special adviser", "in the George W. Bush |
#: administration" (titles before the name dropped)
_PRINCIPAL = re.compile(
    r"(?:(?:former|then-?|late)\s+)?(?:(?:President|Vice President|Secretary of State|Sen\.|Senator|Gov\.|Governor)\s+)?"
    r"((?:[A-Z][\w.\-]*\s+){0,2}[A-Z][\w\-]+)(?:’s|'s)\s+(?!administration\b)[a-z]"
    r"|\b(?:in|under|of|for)\s+(?:the\s+)?((?:[A-Z][\w.\-]*\s+){0,2}[A-Z][\w\-]+)\s+(?:administration|White House|"
    r"cabinet|presidency)\b")
#: what follows a president's office up to the body presided: "of", or a second role and "of" ("president and
#: director-counsel of", "executive vice president and public face of")
_PRESIDED = re.compile(r"\s(?:and\s+(?:[\w\-]+\s+){1,3}?)?(?:of|for|at)\s")
#: offices a body holds through the person: the body named right before them decides ("UN envoy")
_BODY_OFFICES = _PRESIDENTS | {"envoy", "envoys"}
#: a personal pronoun that is the subject of the cue after it ("he said", "she later told") or before it ("said he")
_PRONOUN_BEFORE = re.compile(r"(?<![\w’'\-])([Hh]e|[Ss]he|[Tt]hey|I)\s+(?:(?:also|later|then|again|once|has|had|have|"
                             r"would|will|\w+ly)\s+){0,2}$")
_PRONOUN_AFTER = re.compile(r"\s+(he|she|they)\b")
#: the days of the week, and a day with its part ("Monday morning")
_DAY = r"(?:" + _DAY_NAMES + r")(?:\s+(?:morning|afternoon|evening|night))?"
_TRAILING = re.compile(r"(?:\s+(?:also|too|again|later|previously|then|now|earlier|itself|himself|herself|there|here|"
                       r"allegedly|reportedly|apparently|repeatedly|publicly|privately|once|still|quickly|today|"
                       r"yesterday|tonight|(?:(?:on|late|early|last)\s+)?" + _DAY + r"|"
                       r"(?:this|last)\s+(?:week|weekend|month|year|morning|afternoon|evening)|"
                       r"said|says|told|added|wrote))+$")  # a cue written twice: "said Councilman X said in"
#: a party and what joins it to the state in a party tag ("D-", "Rep-", "R., ")
_PARTY = r"(?:[DRI]|Dem|Rep)(?:[-–]|\.,\s*)"
#: what may follow a person's name in a speaker phrase: a party tag, "of" an institution, an apposition
_NAME_TAIL = re.compile(r"\s*(?:\(" + _PARTY + r"[^)]{1,30}\)|,\s*[DRI]-[\w.]+,?|\s(?:of|at|from)\s.+|,.+|\s+and\s+.+)$")
#: a party tag after a name ("Guzzardi (D-Chicago)", "Menendez, D-N.J.", "Chabot (R., Ohio)"): an elected politician
_PARTY_TAG = re.compile(r"(?:\(|,\s)" + _PARTY + r"[A-Z]")
#: the same right after a name (past the blank of a link card: "Rep. Ann Roe <card> (D-Ohio)")
_PARTY_TAG_AFTER = re.compile(r"\s*" + _PARTY_TAG.pattern)
_HEAD_CUT = re.compile(r"\s(?:of|in|at|from|for|to|who|which|that|with|familiar|linked|close|near|on|into|about|across|"
                       r"privy)\s|,|\(|—|–|" + _PARTICIPLE_AFTER)
_WORD = re.compile(r"[\w][\w’'.\-]*")
#: nouns for an amount of people or things, whose head is what follows "of" ("a group of lawmakers", "dozens of
#: witnesses", "an unusual number of Muslims")
_QUANTITIES = frozenset("""number numbers group majority minority handful dozen dozens hundreds thousands millions
    scores couple lot lots bunch crowd host series plurality some many most several few""".split())
#: the words that count people before their noun ("a bipartisan group of", "dozens of")
_COUNTED = re.compile(r"(?i)(?:[\w\-]+\s+){0,2}?(?:" + "|".join(sorted(_QUANTITIES)) + r")\s+of\s+(?=\S)")
#: a party's members: a capitalised plural that names no body after a chamber ("House Democrats", "Senate
#: Republicans"; "the Log Cabin Republicans" is a group)
_PARTY_MEMBERS = frozenset("democrats republicans conservatives liberals tories".split())
#: a party's adjective before an office, no body that holds it ("Democratic President Barack Obama")
_PARTY_ADJECTIVES = frozenset("democratic republican democrat gop".split())
_CHAMBERS = frozenset("house senate congressional assembly parliamentary".split())
#: words before an office that make it another office: "Vice President", "Deputy Attorney General"
_NOT_THE_OFFICE = frozenset("vice deputy executive assistant associate first co under".split())
#: words before an office that make it an office held in the past ("former President Hosni Mubarak")
_PAST = frozenset("former retired late ex".split())
#: title words that describe an office without naming a person ("the state", "the defense" are no one)
_TITLE_MODIFIERS = frozenset("""state defense defence foreign former senior top acting deputy vice special prime
    interior caretaker counterpart head leader""".split())
#: determiners before a head noun ("the accused" has no noun before its participle)
_DETERMINER_WORDS = frozenset("the a an this that these those his her its their our my your some any".split())
_FOREIGN_WORDS = "foreign|western|international|visiting|expatriate|overseas|world"
#: unnamed people who do not belong to the place they are in ("Western officials in Kabul", "a diplomat in Gaza")
_NOT_OF_PLACE = re.compile(rf"(?i)\b(?:{_FOREIGN_WORDS}|diplomats?)\b")
#: unnamed people from abroad, who speak for no home side ("Western security sources", "foreign diplomats"; not a
#: word of a name: "Senate Foreign Relations Committee aides", "the Western District of Texas"; nor a field of work:
#: "foreign policy advisers", "a foreign service officer")
_FOREIGN = re.compile(rf"(?i:\b(?:{_FOREIGN_WORDS}))\s+(?!(?i:policy|affairs|aid|relations|service|trade|investment|"
                      r"press|ministry|minister|office|intelligence)\b)(?=[a-z]|[A-Z][a-z]*(?:an|ese|ish|i)\b)")
#: a quantifier standing for people as a speaker ("others said", "another added", "some argue")
_QUANTIFIERS = STANDING_QUANTIFIERS | {"others", "another"}
#: countries whose people's names are written with the family name first ("Moon Jae-in", "Xi Jinping")
_FAMILY_FIRST = frozenset({"China", "Taiwan", "Japan", "North Korea", "South Korea", "Vietnam", "Hungary", "Cambodia",
                           "Mongolia", "Singapore"})
#: quantifiers that open a sentence before the people they count ("Other Republicans said", "All Muslims")
_OPENING_QUANTIFIERS = _QUANTIFIERS | {"other", "all"}
_QUANTIFIER = re.compile(r"(?i)(?:many\s+|some\s+|still\s+|yet\s+)?(?:" + "|".join(sorted(_QUANTIFIERS)) + ")")
#: person nouns that are anonymous when indefinite: "a leader", "an adviser", "a man" name no one, but "Iran's
#: supreme leader", "the president's adviser" are offices, and "the man" is the man who just spoke, or else one
#: the article does not name
_INDEFINITE_ONLY = frozenset("leader adviser advisor man woman boy girl teenager teen".split())
#: those of them that are offices ("the leader" is someone's office, "the man" a person)
_OFFICES = frozenset("leader adviser advisor".split())
#: the suffixes that make a name a company's ("Walmart Inc.", "Harlow Ltd")
_CORPORATE_SUFFIX = r"(?:Inc|Corp|Co|Ltd|LLC|PLC|GmbH)\b"
#: ranks and titles kept after the role ends ("Gen.", "Ambassador")
_KEPT_TITLES = frozenset("gen general lt lieutenant col colonel maj major capt captain sgt sergeant adm admiral "
                         "brig brigadier cmdr commander ambassador ret".split())
#: the bodies a spokesperson speaks for (not an outlet, a text or people)
_SPOKEN_FOR = frozenset({"government", "military_security", "politician", "armed_group", "international_ngo", "other",
                         "expert"})
#: a spokesperson of no body named ("a spokesperson", "the spokesman")
_BARE_SPOKESMAN = re.compile(r"(?i)(?:a|an|the|one)\s+(?:(?:senior|top|chief|deputy)\s+)?spokes(?:man|woman|person)")
#: a country taken up by what it is ("the kingdom", "the Jewish state")
_THE_COUNTRY = re.compile(r"(?i)the\s+(?:country|nation|kingdom|republic|regime|monarchy|emirate|island\s+nation|"
                          r"jewish\s+state|communist\s+state|hermit\s+kingdom|reclusive\s+(?:state|nation|country))")
#: a phrase that opens with a role held in the past ("a former federal prosecutor with ...")
_FORMER_OPENING = re.compile(r"(?i)(?:an?\s+|the\s+)?(?:former|retired|ex-)\s")
#: words before a role held in the past ("former", "retired", "who served as", "ex-")
#: a definite description of a person by words the lexicon gives no role or a civilian's ("the former astronaut",
#: "the restaurant owner")
_THE_DESCRIPTION = re.compile(r"(?i:the)\s+((?:[a-z][a-z\-]+\s+){0,2}[a-z][a-z\-]+)(?:’s|'s)?")
#: a role of the past held in a body named after it ("former head of the State Department's ...")
_FORMER_HEAD = re.compile(r"(?i)(?:an?\s+|the\s+)?(?:(?:former|retired|ex-)\s*(?:(?!now\b|currently\b|serving\b)[\w\-]+\s+){0,3}"
                          r"(?:of|at|for|in|with)\s|"
                          r"who\s+(?:formerly|previously|once)\s+[a-z]+\s)")
#: a relative clause after a name that says what the person heads or once headed ("Carl Ford, who formerly headed
#: the State Department's intelligence unit,") or serves as: the adverb of the past, "served"/"serves", the role
#: (a definite one, without what it is about: "who led a two-year investigation into Russian meddling" names none)
_HEADS = re.compile(r",\s+who\s+(?:(formerly|previously|once|earlier)\s+)?(?:headed|heads|led|leads|ran|runs|directed|"
                    r"directs|chaired|chairs|oversaw|oversees|commanded|commands|(served|serves)\s+as)\s+"
                    r"((?:the\s+|[A-Z])[^,.;:“”\"()]{3,80}?)(?:\s+(?:into|over|against|about|on)\s[^,.;]*)?\s*[,.;]")
_HELD_ONCE = (r"(?:\b(?:former|retired|ret\.|who\s+(?:served|worked|was|had\s+been)\s+as|"
              r"who\s+(?:formerly|previously|once)\s+[a-z]+)\s+(?:[\w.\-]+\s+){0,4}|\bex-)$")
#: words that leave reports unnamed ("media reports", "some reports"; not "the reports" the article named before,
#: nor "CNN reports")
_UNNAMED_REPORT_WORDS = frozenset("""some several many other multiple numerous unconfirmed initial earlier early recent
    later local media news press""".split())
#: nouns for a body of people, with a person's ending or none, that describe no one person ("the committee")
_COLLECTIVE = frozenset("committee crowd team staff panel jury board council public couple".split())
#: plural bodies named by no one ("some US media outlets", "three Russian companies"; not "the companies" after "Exxon
#: and Chevron")
_BODIES = frozenset("""companies firms businesses outlets newspapers websites platforms broadcasters publications
    airlines manufacturers retailers stations channels tabloids dailies media""".split())
#: of those, words that name outlets only when the words before them are a medium's ("local radio stations", not
#: "polling stations")
_MEDIA_BODIES = frozenset("stations channels".split())
#: "state media", "state-run television channels", "Kremlin-controlled media": a state's or a party's broadcaster, one
#: body on the record, not outlets named by no one (as "pro-government channels" are)
_STATE_MEDIA = re.compile(r"(?i)(?<!pro-)\b(?:state|official|government|"
                          r"\w+-(?:run|owned|controlled|affiliated|backed))\b")


def _state_media(mention: str) -> bool:
    """Whether ``mention`` names a state's or a party's media (:data:`_STATE_MEDIA`); a capitalised word of it counts
    only where it opens the phrase or names the medium ("Chinese State media", not "Islamic State propaganda
    outlets")."""
    mention = mention.strip()
    return any(m.group(0).islower() or m.start() == 0 or re.match(r"\s+(?:media|TV|television|radio)\b",
                                                                   mention[m.end():])
               for m in _STATE_MEDIA.finditer(mention))


#: nouns for a person of one sex, as a title right before a name ("husband Mark Kelly") or as the head of an unnamed
#: source ("the mother")
_OF_ONE_SEX = {
    "he": frozenset("congressman spokesman businessman councilman assemblyman husband father son brother widower "
                    "grandfather grandson uncle nephew boyfriend man boy".split()),
    "she": frozenset("congresswoman spokeswoman businesswoman councilwoman assemblywoman chairwoman actress wife "
                     "mother daughter sister widow grandmother granddaughter aunt niece girlfriend woman girl lady".split()),
}
#: honorifics of one sex, evidence for a person the article names by the surname only
_HONORIFIC_SEX = {"he": frozenset({"mr"}), "she": frozenset({"mrs", "ms", "miss"})}
#: titles of a family member, no office ("first lady Melania Trump", "his wife Hillary")
_KIN = frozenset("lady wife husband mother father son daughter brother sister widow widower grandmother grandfather "
                 "grandson granddaughter uncle aunt nephew niece cousin fiancée fiancee fiance girlfriend boyfriend "
                 "stepfather stepmother stepson stepdaughter".split())
#: the pronoun of the other sex
_OTHER_SEX = {"he": "she", "she": "he"}
#: anonymous heads that name several people in the singular
_SEVERAL = frozenset("family police one another those people".split())
#: nouns for anyone, no role: "the person who was charged with investigating", "the people Trump met", "a fan of"
_ANYONE = frozenset("person persons people individual individuals man men woman women guy guys fan fans".split())
#: role words that are also common surnames, a name's last word after a given name ("Peter King", "Ann Bishop")
#: (not "hill": "Chapel Hill Mayor Mark Kleinschmidt" would make "Chapel Hill" a person)
_ROLE_SURNAMES = frozenset("king bishop judge major marshal marshall chancellor prince knight dean priest rand wilson white "
                           "fox bloomberg brady giffords".split())
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w’'.\-]*|[a-z]{2,3}[A-Z][a-z][\w’'\-]*|al|al-\w+|bin|ul|de|van|von|der|da|el|el-\w+|ibn)$")
_NAME_PARTICLES = frozenset("al bin ul de van von der da el ibn".split())
#: a compound modifier or noun for a person, capitalised as it opens a sentence or a title, no given name ("Long-time
#: Trump critic", "Austin-based Jones", "Co-host Joy Behar", "Concert-goer Mike McGarry"; not "Hyung-jin Kim")
_COMPOUND = re.compile(r"^[A-Z][a-z]*(?:-[a-z]+)*-(?:[a-z]+(?:ed|er|or|ist)|run|born|time|rich|shy|again|host|old|year|"
                       r"style|law)$")
#: ordinals that open a capitalised name of no person ("the Second Amendment", "Fifth Avenue")
_ORDINALS = frozenset("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth".split())
#: the words of a caption's credit or a video player's labels, no name's: "| AP Photo Tillerson urges ...",
#: "Hide Caption 5 of 98", "JUST WATCHED Obama calls on Europe ... Replay More Videos"
_CAPTION = frozenset("""Photo Photos Image Images Video Videos Credit Hide Caption caption copyright WATCHED Replay
    Advertisement""".split())  # ("Media caption Mike Pence tells ...", "Image copyright Reuters")
#: platforms whose names a page's share buttons leave before a caption ("Facebook Twitter Pinterest Robert
#: Mueller has so far charged"): never a given name
_PLATFORMS = frozenset("Facebook Twitter Pinterest Instagram WhatsApp LinkedIn Reddit Tumblr Email".split())
#: words that open a sentence before its subject's name ("Even Trump said"; not an article, an honorific, a
#: pronoun or a determiner, which may open a body's name: "The Hill", "This Week")
_OPENING_WORDS = frozenset("""But And So Yet After Before As If When While Meanwhile However Although Though Because
    Since Unless Until Whereas Despite During Also Then Thus Indeed Instead Moreover Furthermore Nevertheless
    Nonetheless Even Still Now Only Just Perhaps Today Later Earlier Recently Already Again""".split())
_OPENER = re.compile("(" + "|".join(sorted(_OPENING_WORDS)) + r")\s+(?=[A-Z][a-z])")
#: a word after a name and a verb that is its object ("Mr. Gowder values his right", "Comey claims he told", "Saipov
#: left the truck"; not a quantifier, which may open the verb's subject's rest: "Trump loyalists each took turns")
_OBJECT_WORDS = frozenset("""a an the his her its their him them me us he she they it himself herself themselves some
many most several few any no every another""".split())
#: words that name a time after "on", "in" or "at" ("Abe on Friday", "Mr. Netanyahu in recent months", "at times")
_TIME_AFTER = TIME_WORDS | frozenset("recent late early times".split())
#: a word of a speaker phrase as written, a dash or an opening mark kept as a word of its own so that it ends a name
#: (``_WORD`` reads words only)
_PHRASE_WORD = re.compile(r"[^\s,;:()“”\"]+")
#: past forms no other list of the grammar holds ("Trump dug in his heels")
_MORE_PAST = frozenset("dug knelt burst laid quit slept spun swore shook".split())
#: past forms that are also nouns or adjectives ("the left", "a hit"): verbs only before an object ("Saipov left the
#: truck"; not "Israeli left leaders")
_PAST_OR_NOUN = frozenset("left lost won hit put".split())
#: what may stand between a subject pronoun and the cue that is its verb ("he also said", "she has said", "he's
#: proposed")
_BEFORE_VERB = re.compile(r"(?:[’'](?:s|d|ve|ll|re))?(?:\s+(?:also|then|later|again|once|still|never|simply|just|"
                          + "|".join(sorted(AUX_BE | AUX_OTHER)) + r"|[a-z]+ly))*\s*")
#: the pronoun's own clause before a verb coordinated with it or a participle that goes on it ("he defended his
#: handling and suggested", "he reiterated his call, noting", "they followed up by asking"; not "Emails she sent
#: show")
_CLAUSE_BEFORE = re.compile(r"(?:[’'](?:s|d|ve|ll|re))?\s+[^.;:!?]*?(?P<participle>,|\s--|\s?[—–]|\sby)?\s*"
                            r"(?(participle)(?:and\s+)?|(?:and|but)\s+)")
#: the word right after a word (not past a comma: "EU countries, the ...")
_NEXT_WORD = re.compile(r"\s+([\w’']+)")


def _next_word(after: str) -> str:
    """The lower-cased word that ``after`` opens with after blanks, or "" (a comma or the end first)."""
    m = _NEXT_WORD.match(after)
    return m.group(1).lower() if m else ""


def _clause_word(word: str, after: str) -> bool:
    """Whether the lower-case ``word``, written right after a name, goes on with the clause and not the noun phrase:
    a verb ("Trump broke his silence", "Milley made a phone call", "Bradbury downplays this", "Russia insists"), an
    adverb ("Macron meanwhile", "Trump long said", "Comey bluntly") or a time ("Trump during the meeting", "Abe on
    Friday", "Mr. Netanyahu in recent months"). A word in -s is a verb when the cue lexicon lists it or what follows
    is its object ("Mr. Gowder values his right"); else it is a noun the name modifies ("Trump allies", "Pentagon
    officials", "Fox News reports")."""
    low, nxt = word.lower().rstrip("."), _next_word(after)
    if low in AUX_BE or low in AUX_OTHER or low in IRREGULAR_PAST or low.endswith(("n't", "n’t")):
        return True
    if low in ADVERBS or low in ("meanwhile", "however", "instead") or MANNER_ADVERB.fullmatch(low) or \
            adverb_in_ly(low) and low.isalpha():
        return True
    if low == "during" or low in ("on", "in", "at") and (nxt in _TIME_AFTER or nxt in MONTHS or nxt.isdigit()):
        return True
    if low.endswith("ed") and len(low) > 3 and low not in NOUN_EXCEPTIONS and "-" not in low:
        return True
    if low.endswith("s") and not low.endswith(("ss", "'s", "’s")):
        return low in REPORTING_VERBS or low in IRREGULAR_VERBS or nxt in _OBJECT_WORDS
    return low in IRREGULAR_VERBS or low in _MORE_PAST or low in _PAST_OR_NOUN and nxt in _OBJECT_WORDS


#: capitalised words that open sentences, no word of a name
_SENTENCE_WORDS = _OPENING_WORDS | frozenset("""The A An Or In On At For From With By This That These Those It He She
    They We I Its His Her Their Our Mr Mrs Ms Dr One Whether Like Unlike Asked Speaking Citing Quoting According
    Including Following Under Over Among Between Against Without What Why How Where Which Who Whom Whose Neither
    Either Nor Everything Nothing Everyone Here There Unfortunately Fortunately Ironically Notably Clearly Certainly
    Obviously Sadly""".split()) | _CAPTION | frozenset(
    # a verb of saying opening a sentence before an inverted speaker ("Warns Tom Beck, ...", "Explains Jane Doe:")
    verb.capitalize() for verb in REPORTING_VERBS if verb.endswith("s") and not verb.endswith("ss"))
#: bodies a person leads, named after them ("the Obama administration", "Trump’s campaign")
_LED = r"administration|campaign|presidency|government|cabinet|regime|transition\s+team|White\s+House"
#: information a citing participle cites as the source of what is said ("citing police records")
_CITED_RECORDS = frozenset("""record records report reports data document documents statistics figures study studies
survey surveys poll polls analysis investigation memo memos filing filings affidavit complaint transcript
transcripts logs emails letter letters assessment assessments estimate estimates""".split())
#: documents that report what was found, which bodies make rather than the people a sentence names
_FINDINGS = frozenset("""data statistics figures study studies survey surveys poll polls analysis analyses
assessment assessments estimate estimates census review research""".split())
#: the agent after a document that names its author: "a survey conducted by the CDC", "Data from the firm Abacus",
#: "a poll released Thursday from an advocacy group" (a name, or a body described after an article)
_BODY_WORDS = r"[A-Z][\w.’'&\-]*(?:\s+[A-Z][\w.’'&\-]*){0,4}"
_DOCUMENT_AGENT = re.compile(r"[^.;:“”\"]{0,60}?\b(?:by|from)\s+((?:the\s+)?" + _BODY_WORDS
                             + r"|(?:the|an?)\s+(?:[a-z][\w\-]*\s+){0,2}(?:" + _BODY_WORDS
                             + r"|(?:group|firm|organi[sz]ation|institute|agency|company|center|centre|council)\b))")
#: words the roles lexicon types that name no body when they head a phrase ("citing national security")
_ABSTRACT_HEADS = frozenset("security intelligence defense defence safety health justice".split())
#: the phrase a citing verb cites, up to a comma, a full stop (not an initial's, a title's or a name's abbreviation's:
#: "citing Gen. Mark Milley", "U.S. European Command"), "as" or a day
_CITED = (r"((?:the\s+|an?\s+)?[\w’'\-. ]{2,60}?)(?=\s*(?:[,;:]|\.(?!\w)(?<!\b[A-Z]\.)"
           + "".join(r"(?<!\b" + a.title() + r"\.)" for a in sorted(TITLES | NAME_ABBREVIATIONS))
           + r"|\s+as\s|\s+(?:on|in)\s+\w+day\b|$))")
#: "..., citing X," / "which cited X": X
_CITING = re.compile(r",?\s*(?:(?:which|who|that)\s+)?(?:cited|citing|quoting|quoted)\s+" + _CITED)
#: what a citing or quoting participle cues: the phrase right after it ("citing police records")
_CITED_AFTER = re.compile(r"\s+" + _CITED)
#: the one a finite "quoted" or "cited" reports, before "as saying" or a participle of speech ("State media quoted a
#: government official claiming", "Israeli media quoted Defense Minister Ehud Barak as telling")
_QUOTED_AS = re.compile(r"\s+((?:the\s+|an?\s+)?[\w’'\-. ]{2,60}?)(?:,\s*([^,.;:“”\"]{1,80}),)?\s+"
                        r"(?:as\s+(?:saying|having\s+said|telling|writing)|saying|claiming|telling|warning|adding|"
                        r"arguing|insisting)\b")
#: the lower-case words a body's name may hold between its capitalised ones ("Department of Homeland Security")
_NAME_CONNECTORS = frozenset("of for and on & the".split())
#: the small words between the capitalised words of a name an acronym spells or a document's body has, written as
#: words ("Department of Justice", "Center for Responsive Politics", "Ansar al Sharia")
_NAME_LINKS = (_NAME_CONNECTORS - {"&"}) | frozenset("in de du al".split())
#: a run of capitalised words that may name a body ("The New York Times", "Department of Children and Families")
_BODY_NAME = re.compile(r"[A-Z][\w’'.&\-]*(?:\s+(?:(?:of|for|and|on|&)\s+(?:the\s+)?)?[A-Z][\w’'.&\-]*){0,6}")
#: verbs that open a clause after a name and a comma ("Goldberg, told CNN on Thursday ...")
_CLAUSE_VERBS = frozenset("told said says say adds added wrote writes is was has had will would can could".split())
#: a verb of a clause, no part of a description ("The two suspensions were denounced by ...")
_FINITE = re.compile(r"\b(?:" + "|".join(sorted(_CLAUSE_VERBS | {"were", "are", "have", "been"})) + r")\b")
#: a run of capitalised words that may be a person's name ("Justin Trudeau", "Athanassios Binis"; a surname may open
#: with a particle in lower case: "Adel al-Jubeir", "Osama bin Laden")
_NAME = re.compile(r"(?:[A-Z][\w’'\-.]*\s+){0,4}(?:[ae]l-|(?:bin|ibn|van|von|de)\s+)?[A-Z][\w’'\-]+")
#: the same after titles of several words ("United Kingdom Foreign Secretary Philip Hammond"), read as one run
_TITLED_NAME = re.compile(r"(?:[A-Z][\w’'\-.]*\s+){0,8}[A-Z][\w’'\-]+")
#: the same, as a group to build patterns with
_NAME_RUN = "(" + _NAME.pattern + ")"
#: an attribution's verb before its inverted speaker ("said the group's spokesman, Ali Reza")
_INVERTED_CUE = re.compile(r"(?:said|says|added|adds|told|tells|explained|wrote|writes|according\s+to)\s+")
#: a term of office that ended: "from 2013 to 2017", "between 2008 and 2010", "in 2008-10"
_PAST_TERM = re.compile(r"\b(?:from|between|in)\s+(?:19|20)\d\d\s*(?:to|until|and|-|–)\s*(?:(?:19|20)\d\d|\d\d)\b")
#: days of the week, never a given name ("Wednesday Esper" is Esper)
_WEEKDAYS = re.compile(r"(?:" + _DAY_NAMES + r")(?:’s|'s)?")
#: the words before a person spoken to, whom "he" or "she" does not take up: "told CNN's Jim Clancy" (one asked or
#: interviewed is the next to speak: "Tapper interviewed Sen. Collins. She said")
_ADDRESSED = re.compile(r"\b(?:told|tells|telling)\s+(?:[\w.’'\-]+(?:’s|'s)\s+)?$")
#: a question put to a person named after it: "asked Sen. John Smith", "interviewed Ms. Harris"
_ASKED = re.compile(r"(?:asked|asks|questioned|pressed|interviewed|interviews)\s+((?:[A-Z][\w’'\-.]*\s+){0,4}[A-Z][\w’'\-]+)")
#: a dateline before the speaker: "Washington (CNN) President Barack Obama", "SAO PAULO (Reuters) -" (the words in
#: parentheses an outlet's name, which :meth:`_Document._resolve` checks: not "Sen. Ted Cruz (R)")
_DATELINE = re.compile(r"^(?:[A-Z][\w.’'\-]*,?\s+){1,4}\(((?:[A-Z][\w.]*\s?){1,3})\)\s*(?:[-—–]\s*)?(?=\S)")
#: the home government's unnamed officials, wherever the story is filed from
_ADMINISTRATION = re.compile(r"(?i)\badministration\b")
#: the dateline that opens a line: the place (in capitals, or followed by its region or an agency), the region,
#: the agency ("CAIRO (AP) —", "QUETTA, Pakistan (Reuters) -", "New Delhi, India -")
_DATELINE_PLACE = re.compile(r"(?m)^[^\S\n]*([A-Z][A-Za-z.’'\-]+(?:[ /][A-Z][A-Za-z.’'\-]+){0,3})"
                             r"(?:,[^\S\n]+([A-Z][A-Za-z.\- ]{1,30}?))?[^\S\n]*(\([A-Z][\w .]{1,30}\))?[^\S\n]+"
                             r"(?:—|–|-{1,2})[^\S\n]+(?=[A-Z“\"])")
#: a day written before a speaker ("On Wednesday Esper said", "Friday morning, Obama said")
_OPENING_DAY = re.compile(r"^(?:(?:[Oo]n|[Ll]ate|[Ee]arly)\s+)?" + _DAY + r",?\s+(?=\S)")
#: days and months, which a run of capitalised words may hold without being a name ("Late Tuesday")
_TIME_WORDS = re.compile(r"\b(?:" + _DAY_NAMES + "|" + _MONTH_NAMES + r")\b")
#: a date written after a body's name ("the Food and Drug Administration on Monday")
_ON_DATE = re.compile(r"\s+(?:on|in)\s+(?=" + _TIME_WORDS.pattern + ")")
#: a time set between "and" / "but" and the second of two coordinated verbs ("but at the same time blamed", "but
#: this morning reported", "and, on Monday, announced", "and, hours later, conceded")
_TIME_BETWEEN = (r"(?:,?\s*(?:(?:(?:at|on|in|during|later|earlier)\s+)?(?:(?:the|this|that|same|next|last|early|"
                 r"late)\s+){0,2}(?:morning|afternoon|evening|night|day|week|weekend|month|year|time|moment|"
                 + _DAY_NAMES + r")|(?:[\w\-]+\s+)?(?:minutes|hours|days|weeks|months|moments)\s+(?:later|earlier))"
                 r"\s*,?\s+)?")
#: the verbs in the past that do not end in -ed ("met", "spoke")
_IRREGULAR_PAST = "|".join(sorted(IRREGULAR_PAST))
#: pronouns that may open a sentence as the subject of two coordinated verbs ("He called for calm but blamed")
_SUBJECT_PRONOUNS_CAPITALISED = frozenset("He She They".split())
#: the types of people who speak for no side unless the article gives theirs (their nationality)
_PRIVATE_TYPES = frozenset({"expert", "civilian"})
#: where a description goes on to the body or the place a person works or lives in ("a fellow at ...")
_WORKPLACE = re.compile(r"\s(?:at|of|with|for|in)\s")
#: a role held in the past, which keeps the side of the country served ("a former official", "retired colonel",
#: "who has held government posts")
_HELD_BEFORE_ROLE = re.compile(r"(?i)\b(?:former|retired|ret\.|ex-|"
                               r"who\s+(?:has\s+|had\s+)?(?:served|held|worked))")
#: a list of names before "and" and a speaker ("Britain, France and ", "the U.S. and ")
_PARTNERS = re.compile(r"(?:(?<=\s)|^)((?:(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2},\s+)*"
                       r"(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2}),?\s+and\s+(?:the\s+)?\Z")
#: a preposition right before what follows it ("between ", "talks with ")
_GOVERNED = re.compile(r"(?i)\b(?:" + "|".join(sorted(PREPOSITIONS)) + r")\s+\Z")
#: nouns of a unique office in a body or a school, on the record though unnamed ("the treasurer said")
_UNIQUE_OFFICES = frozenset("""treasurer ombudsman headmaster headmistress chairperson curator auditor registrar
publisher administrator coordinator principal provost rector""".split())
#: a person's name of two or more capitalised words ("John Doe", "Ivan Petrov")
_NAME_WORDS = r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]*)*\s+[A-Z][\w’'\-]+"
#: a definite description in lower-case words only, its last word its head ("the navigator", "the young farmer")
_UNNAMED_ONE = re.compile(r"(?i:the)\s+(?:[a-z][\w\-]*\s+){0,2}([a-z][\w\-]*)")
#: where a diplomat or a mission is sent: "ambassador to the United Nations", "the embassy in Pakistan"
_DESTINATION = re.compile(r"(?i)\b(?:ambassador|envoy|representative|delegate|emissary|consul|mission|embassy|"
                          r"embassies|consulate|delegation|attach[eé]|negotiator|mediator|inspector\s+general|"
                          r"coordinator)s?(\s+(?:to|at|in|for|with)\s)")
#: a body of the state and the place it sits in ("the defense ministry in Seoul", "the government in Kabul")
_BODY_IN = re.compile(r"(?i)\b(?:ministry|ministries|government|cabinet|parliament|presidency|foreign office|"
                      r"regime|junta)\s+in\s+((?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2})\s*$")
#: a capitalised word right before a position ("Melania " before "Trump")
_NAME_BEFORE = re.compile(r"[A-Z][\w’'\-.]*[ \t]+$")
#: a plural noun for people ("officials", "Farmers", "women"), and up to two words before it ("the Iranian")
_PEOPLE_PLURAL = re.compile(r"(?<![\w\-])([A-Za-z][a-z]+s|[Mm]en|[Ww]omen|[Cc]hildren|[Pp]eople|[Pp]olice)\b")
_BEFORE_PEOPLE = re.compile(r"(?:[\w’'\-]+\s+){0,2}$")
#: a number or a count right before people ("two officials", "300 workers", "dozens of protesters")
_COUNTED_BY = re.compile(r"(?i)(?<![\w\-])(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|"
                         r"\d[\d,]*)(?:\s+of)?\s+(?:[\w’'\-]+\s+)?$")
#: a verb after a noun phrase: the noun phrase is a clause's subject ("protesters gathered", "journalists were held")
_VERB_AFTER = re.compile(r"\s+(?:(?:were|was|are|is|had|have|has|would|will|could|did)\b|[a-z]+ed\b)")
#: unnamed officials who act where the events happen (they take the country the article is about)
_LOCAL = frozenset("authorities authority police investigators prosecutors rescuers firefighters".split())
#: state bodies whose unnamed members act where the events happen ("health ministry sources", "army officers")
_STATE_BODIES = frozenset("ministry army military police interior".split())
#: the endings of nouns for people ("billionaire", "developer", "novelist", "businessman", "70-year-old")
_PERSON_NOUN = re.compile(r"^[a-z][\w\-]*(?:aire|er|or|ist|ian|ant|ent|man|woman|mogul|tycoon|star|veteran|native|"
                          r"year-old|ee)$")
#: nouns for people that, capitalised after "the", name a paper ("The Guardian reported", "The Economist")
_PAPERS = frozenset("guardian economist observer spectator independent examiner".split())
#: nouns for a body of one kind, once the article has named it ("the paper" after "The New York Times reported")
_BODY_KINDS = {**dict.fromkeys("paper newspaper daily tabloid broadcaster magazine outlet website publication wire"
                               .split(), "media"),
               **dict.fromkeys("company firm corporation retailer airline carrier manufacturer maker insurer "
                               "startup".split(), "company"),
               "agency": "agency"}
#: how far before an outlet's or an agency's noun the article is read for the body it names (a few sentences)
_BODY_WINDOW = 600
#: speakers for a body on the record: unnamed, yet not anonymous ("a Pentagon spokesman", "a presenter on state TV")
_ON_RECORD = frozenset("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen presenter announcer"
                       .split())
#: nouns with those endings that name no person ("the center said", "the answer suggested")
_NOT_PEOPLE = frozenset("""center centre number answer matter paper order letter chapter quarter register filter
    poster trailer computer monitor indicator document element moment government parliament statement
    department movement agreement judgment judgement warrant restaurant covenant newspaper tabloid""".split())
#: the full stop of an abbreviation inside a name ("St. Louis County", "Ft. Worth"), no sentence's end
_ABBREVIATED = "|".join(r"(?<=\b" + a.title() + r")\." for a in sorted(NAME_ABBREVIATIONS))

#: a run of capitalised words, with the small words of names between them ("Department of Homeland Security")
_CAPITALISED_RUN = re.compile(r"(?<![\w’'\-.])(?:(?:[A-Z]\.){2,}|[A-Z][\w’'&\-]*)"
                              r"(?:[^\S\n]+(?:(?:" + "|".join(sorted(_NAME_LINKS)) + r")[^\S\n]+)*[A-Z][\w’'&\-]*)+")
#: the generation written right after a surname ("King Jr.")
_GENERATION_AFTER = re.compile(r"\s+(" + GENERATION.pattern + r")(?![\w\-])")
#: a broadcaster by its call sign and band ("WFAA-TV", "KPCC-FM") or a network or call sign and channel ("FOX 9",
#: "NBC5", "KARE 11");
#: not four capitals alone, which are as often another body's acronym ("WADA", "KFOR", "KPMG")
_BROADCASTER = re.compile(r"(?<![\w\-])(?:[KW][A-Z]{2,3}-(?:TV|FM|AM|DT)|(?:FOX|Fox|NBC|ABC|CBS|CW|[KW][A-Z]{3})\s?\d{1,2}|"
                          r"Channel\s\d{1,2})(?![\w\-])")
#: a broadcaster's call sign alone ("WJLA", "KSDK")
_CALL_SIGN = re.compile(r"[KW][A-Z]{3}")
#: a name written as an acronym ("NRA", "ICE", "NATO")
_ACRONYM_NAME = re.compile(r"[A-Z]{2,7}")


def _initials(words: Sequence[str]) -> set[str]:
    """The acronyms a name's words make: the initials of its capitalised words (each part of a hyphenated one),
    with and without those of the small words between them."""
    capitals = "".join(p[0] for w in words for p in w.split("-") if p[:1].isupper())
    every = "".join(p[0].upper() for w in words for p in w.split("-") if p[:1].isalpha())
    return {capitals, every} - {""}


#: what a reporter does to a document someone else wrote ("emails obtained by CNN", "a memo seen by Reuters")
_OBTAINED = r"(?:obtained|seen|reviewed|viewed|acquired|received|leaked)"
#: what ends right before the agent of such a verb ("emails obtained by ", "a memo seen ")
_OBTAINED_BEFORE = re.compile(_OBTAINED + r"\s+(?:(?:by|from)\s+)?$")
#: a word in capitals that is no roman numeral ("APP", not "III")
_CAPITALS = re.compile(r"(?!(?:[IVX]+)$)[A-Z]{2,}")
#: a share of people as a speaker: "83 percent", "seven-in-ten", "two thirds of Americans"
_SHARE = re.compile(r"(?i)^(?:(?:about|almost|nearly|over|more\s+than|at\s+least|roughly|some|just|only|fewer\s+than|"
                    r"less\s+than|around|approximately|an\s+estimated)\s+)?"
                    r"(?:(?:\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)\s*(?:percent|per\s+cent|%)|"
                    r"(?:one|two|three|four|five|six|seven|eight|nine|"
                    r"\d+)[\s\-]+in[\s\-]+(?:ten|\d+)|(?:one|two)[\s\-]+thirds?|(?:a|one|three)[\s\-]+quarters?|half)"
                    r"(?:\s+of\s+.*|\s+[A-Za-z]+)?$"
                    # "The proportion who say", "a majority of respondents" (not "the majority of the party", nor a
                    # court's "the majority wrote")
                    r"|^(?:the\s+|a\s+)?(?:proportion|share|percentage)$"
                    r"|^(?:the\s+|a\s+)?(?:proportion|share|percentage|majority|minority|plurality)"
                    r"\s+of\s+(?:respondents|americans|voters|adults|people|those\s+\w+|the\s+public)$")
#: a client's name right before "attorney" or "lawyer" ("Trump attorney"), not an office ("U.S. Attorney",
#: "District Attorney", "Assistant U.S. Attorney"), a determiner ("The attorney") or a compound ("a Washington-based
#: attorney")
_CAPITAL_DETERMINERS = "The|A|An|This|That|Another|One"
_CLIENT = re.compile(r"(?<![\w.’'\-])(?!(?:" + _CAPITAL_DETERMINERS + r"|U\.S\.|US|State|District|County|City|"
                     r"General|Assistant|Deputy|Special|Senior|Chief|Top|Former|Defense|Defence|Federal|Trial|Civil|"
                     r"Criminal|Immigration|Private)\s)"
                     r"[A-Z][a-z][\w’']*\s+$")
#: a capitalised word before a role or a word, not a determiner ("U.S. attorney", "Choe Son"; not "A lawyer")
_NAMED_BEFORE = re.compile(r"(?<![\w.’'\-])(?!(?:" + _CAPITAL_DETERMINERS + r"|His|Her|Their|Its|Our|My)\s)"
                           r"[A-Z][\w.’'\-]*\s+$")
#: what makes a lawyer a party's own: a possessive pronoun, the defence or "the" right before ("his lawyer",
#: "defense attorneys", "the lawyer": the one of a party the story has named)
_DEFENDING = re.compile(r"(?i)(?:\b(?:his|her|their|its|my|our)\s+(?:[\w\-]+\s+){0,2}|\bdefen[cs]e\s+|\bthe\s+)$")
#: a lawyer's line of work, no party's lawyer ("a white collar defense attorney", "criminal defense lawyers"
#: commenting, as experts; not "a defense lawyer" in the case)
_PROFESSION = re.compile(r"(?i)(?:\b(?:a|an)\s+(?:[\w\-]+\s+){1,3}|\b(?:criminal|white[\s\-]collar)\s+)defen[cs]e\s+$")
#: a lawyer or legal team its owner has ("Trump's former lawyer", "the family's attorneys")
_COUNSEL = re.compile(r"(?:[a-z][\w\-]*\s+){0,2}?(?:[Ll]awyer|[Aa]ttorney|(?:legal|defen[cs]e)\s+team)s?\b"
                      r"(?!\s+[Gg]eneral)")
#: a plural title shared by coordinated names, ending right before the second name ("Reps. Peter King of New
#: York and | Patrick Meehan", "Sens. John McCain, Lindsey Graham and | Joe Lieberman")
_SHARED_TITLE = re.compile(
    r"\b(Reps|Sens|Senators|Representatives|Congressmen|Gens|Generals|Drs|Doctors|Profs|Professors|Ministers|"
    r"Govs|Governors|Mayors|Justices|Judges|Ambassadors)\.?\s+"
    r"(?:[A-Z][\w’'\-.]*\s+){1,4}(?:of\s+(?:[A-Z][\w’'\-.]*\s+){1,3})?"
    r"(?:(?:,\s+|and\s+)(?:[A-Z][\w’'\-.]*\s+){1,4}(?:of\s+(?:[A-Z][\w’'\-.]*\s+){1,3})?)*"
    r",?\s*(?:and\s+)?$")
#: one lower-case word of a role, no preposition or article
_ROLE_WORD = r"(?!(?:of|for|at|to|with|in|the|and)\b)[a-z][a-z\-]*(?![a-z\-])"
#: a role given as a predicate after a name ("Williams was appointed police chief in 2016", "Rogoff is a professor of
#: economics at Harvard", "Hale was ambassador to Japan until 2015"): a verb of being now or of appointment (1) or
#: of being once (2), the role with the body it is held in (3), and, after "was", the end of the term (4)
_PREDICATE_ROLE = re.compile(r"\s+(?:(is|became|has\s+been|was\s+(?:appointed|named|elected|promoted\s+to|"
                             r"sworn\s+in\s+as))|(was|had\s+been))\s+(?:(?:the|a|an)\s+)?"
                             r"((?:" + _ROLE_WORD + r"\s+){0,3}" + _ROLE_WORD +
                             r"(?:\s+(?:of|for|at|to|with|in)\s+(?:the\s+)?(?:[A-Z][\w’'&\-.]*\s+){0,5}"
                             r"[A-Z][\w’'&\-]*)?)"
                             r"(?!\s+(?:of|for|at|to|with|in)\s+(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+)?[a-z])"
                             r"(\s+(?:until|from\s+\d{4}\s+(?:to|until)|between\s+\d{4}|"
                             r"before\s+(?:becoming|joining))\b)?")
#: a role given as the complement of a verb of appointment before the name ("Cuba named Miguel Díaz-Canel
#: president", "Trump tapped John Bolton as national security adviser"): the verb, up to four words before the name,
#: and the words after it (group 1), a role when ``_predicate_role`` finds one
_APPOINTED = re.compile(r"\b(?:named|elected|appointed|nominated|tapped|installed|chose|picked)\s+(?:[\w’'\-.]+\s+){0,4}$")
_APPOINTED_ROLE = re.compile(r"\s+(?:as\s+|to\s+be\s+(?:made\s+)?)?(?:(?:the|its|their|his|her)\s+)?"
                             r"(?:new\s+|next\s+|first\s+)?"
                             r"((?:[A-Z][\w.&\-]*(?:’s|'s)\s+)?(?:" + _ROLE_WORD + r"\s+){0,3}" + _ROLE_WORD +
                             r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w’'&\-.]*\s+){0,5}[A-Z][\w’'&\-]*)?)(?=\s*[.,;]|\s+(?:on|in|after|"
                             r"last|this|and|by|to|since|until|for)\b)")
#: roles whose type is the body they are held in ("president of the Parents Television Council"), read in a
#: predicate only when the role terms type that body or it is a side's ("president of Chechnya")
_HELD_IN_BODIES = frozenset("president chairman chairwoman chair head director founder member leader editor "
                            "secretary".split())
#: words that make no role of a predicate ("was not yet a spokesperson", "is also trying", "was so obviously")
_NO_ROLE_WORDS = frozenset("not no yet also so still now once never only just very too".split())
#: an office held, fronted before the name: "As governor of Massachusetts, | William Weld"
_AS_ROLE = re.compile(r"(?:^|[.;:!?]\s+|\n)As\s+(?:the\s+|a\s+|an\s+)?((?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)"
                      r"(?:\s+(?:of|for|to)\s+(?:the\s+)?(?:[A-Z][\w’'\-.]*\s*){1,4})?,\s+$")
#: what the law does to a suspect ("charged with overseeing the recount" is a duty, not a charge)
_HELD = r"(?:arrested|charged(?!\s+with\s+\w+ing\b)|indicted|convicted|detained|sentenced|extradited|jailed|apprehended|booked)"
#: the law acting on a person named right after it ("police arrested | Daniel Sanchez", "the arrest of | ...")
_HELD_BEFORE = re.compile(r"\b(?:" + _HELD + r"|prosecuted|(?:arrest|indictment|conviction|extradition)\s+of)\s+$")
#: ... or said of a person named right before it, after an age or a short apposition ("Smith, 24, was indicted",
#: "Smith allegedly told"; not "Smith accused the police", who accuses, "faces no charges", "allegedly was beaten")
_HELD_AFTER = re.compile(r"(?:,\s+\d{1,3},|,\s+[^,.;:“”\"]{1,60},)?\s+(?:(?:was|is|has\s+been|had\s+been|were|are|"
                         r"have\s+been|will\s+be)\s+(?:\w+ly\s+|later\s+|also\s+|then\s+|since\s+|now\s+)?"
                         r"(?:" + _HELD + r"|accused|suspected)\b|(?:pleaded|pled)\s+(?:not\s+)?guilty\b"
                         r"|faces?\s+(?:(?!no\b|not\b)\w+\s+){0,2}charges?\b|allegedly\s+(?!was\b|were\b|is\b|been\b)[a-z]+)")
#: a venue of one's own where the person named right before speaks ("pointed out on his blog", "argued on her
#: show"; not a guest: "hosted Kyle Brandt on his show", "Brandt, who appeared on his show")
_VENUE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:said|says|wrote|writes|told|tells|argued|argues|noted|notes|pointed\s+out|"
                    r"points\s+out|asked|asks|claimed|claims|explained|explains|suggested|suggests|declared|declares|"
                    r"joked|jokes|warned|warns|insisted|insists|complained|complains)\b[^.!?;“”\"]{0,60}?"
                    r"\b(?:on|in)\s+(?:his|her)\s+(?:own\s+|weekly\s+|daily\s+|nightly\s+|popular\s+|latest\s+|"
                    r"(?:radio|TV|television|talk|cable|online|YouTube)\s+)*(blog|column|podcast|show|newsletter|broadcast)\b")
#: the role a venue makes
_VENUE_ROLE = {"blog": "blogger", "column": "columnist", "newsletter": "columnist", "podcast": "podcast host"}
#: the writer, speaking in the article's own voice (outside quotations)
_WRITER = frozenset("i we me us".split())
#: a preposition of place right before a name: "in Las Vegas, where he ..." names no one "he" can be
_PLACE_WORDS = "in|at|near|outside|inside|across|throughout"
_LOCATIVE = re.compile(r"\b(?:" + _PLACE_WORDS + r")\s+$")
#: a preposition before a place a speaker phrase was cut short from ("teachers across the country")
_CUT_SHORT = re.compile(r"(?i)\b(?:" + _PLACE_WORDS + r"|around|of|for|to|from|within|into)\s+$")
#: the last word of a place's or a building's name, seldom a person's ("Ahrar Bridge", "Tahrir Square", "Gaza
#: Strip"; not "Park", "Hall", "Hill", "Bay", "Beach", "Ocean", "Plaza", "Street" or "Bank", which are surnames too)
_FEATURE = re.compile(r"\s(?:Bridge|Square|Avenue|Boulevard|Road|River|Island|Islands|Mountains?|Valley|Gulf|Canal|"
                      r"Airport|Peninsula|Harbou?r|Heights|Stadium|Palace|Desert|Strip|Province|County|District)$")
#: what stands before a place's or a thing's name, seldom a person's ("the Middle East", "in Las Vegas")
_PLACE_BEFORE = re.compile(r"(?i)\b(?:the|" + _PLACE_WORDS + r")\s+$")
#: the end of what stands before a word that opens a line or a sentence
_SENTENCE_OPENING = re.compile(r"(?:\n\s*|[.!?][”\"’']?\s+)$")
#: prepositions that join a title to a place or body ("ambassador to Turkey", "attorney for the District of")
_TITLE_PREPOSITIONS = frozenset("to of for at in from".split())
#: words that open an adverbial phrase or clause set off before a name, not a description of the person
_SUBORDINATORS = frozenset("before after during since until while when unlike despite amid".split())
_ADVERBIAL_OPENERS = PREPOSITIONS | _SUBORDINATORS
#: courtesy titles: the outermost word of a title ("told the Times Mr. Trump": "Times" is no title of Trump)
_HONORIFICS = frozenset("mr mrs ms miss mx".split())
#: words that may stand before a person's name in a title ("Pakistan’s caretaker Prime Minister ...")
_PRE_MODIFIERS = frozenset("""the a an his her its their our senior top former acting caretaker deputy chief
    state-run state-owned state official then current new own longtime veteran""".split())


# ------------------------------------------------------------------------------------------- the lexicon

@dataclass(frozen=True)
class _Dated:
    """A person of the lexicon's ``terms:`` list: the type while in office, and before and after it."""

    side: str
    held: str
    #: (from, to, type of that office or None for ``held``): "CIA director, then secretary of state"
    terms: tuple[tuple[pd.Timestamp, pd.Timestamp | None, str | None], ...]
    before: str
    after: str

    def campaign(self, day: pd.Timestamp) -> pd.Timestamp | None:
        """The day before the term the person won the campaign for, as the news of ``day`` speaks of "the
        campaign": the last term begun by ``day``, when it began less than three years before (later, the
        campaign is for the next term, run in office)."""
        begun = [start for start, _, _ in self.terms if start <= day]
        return max(begun) - pd.Timedelta(days=1) if begun and day - max(begun) < pd.Timedelta(days=3 * 365) else None

    def in_office(self, day: pd.Timestamp) -> bool:
        """Whether ``day`` falls in a term of an official's or politician's office (not in a span the lexicon types
        otherwise, "expert" out of office)."""
        return any(start <= day and (end is None or day < end) and (typ or self.held) in _HOME_TYPES
                   for start, end, typ in self.terms)

    def before_office(self, day: pd.Timestamp) -> bool:
        """Whether ``day`` is before the first term."""
        return bool(self.terms) and day < min(start for start, _, _ in self.terms)

    def left_office(self, day: pd.Timestamp) -> bool:
        """Whether every term had ended by ``day`` (not before the first term, nor between two)."""
        ended = [end for _, end, _ in self.terms if end is not None]
        return len(ended) == len(self.terms) and bool(ended) and day >= max(ended)

    def type_on(self, day: pd.Timestamp) -> str:
        """The type on ``day``: the term's (``held`` unless the term names its own), ``after`` after the last
        term, ``before`` otherwise (before the first and between two terms)."""
        for start, end, typ in self.terms:
            if start <= day and (end is None or day < end):
                return typ or self.held
        ended = [end for _, end, _ in self.terms if end is not None]
        return self.after if ended and day >= max(ended) else self.before


@dataclass(frozen=True)
class _Roles:
    """The compiled roles lexicon: term -> (type, strong), titles, anonymity heads and phrases."""

    terms: dict[str, tuple[str, bool]]
    titles: frozenset[str]
    role_words: frozenset[str]
    acronyms: frozenset[str]  # role words written in capitals only ("un" of "UN Security Council")
    inner_words: frozenset[str]  # role words only inside a longer term ("al" of "al jazeera", "wilson")
    anonymous_heads: frozenset[str]
    anonymous_phrases: tuple[str, ...]
    pattern_ci: re.Pattern[str]
    pattern_cs: re.Pattern[str]
    sides: Mapping[str, Any]  # gazetteer entries the lexicon adds ({side: [name, ...]})
    people: Mapping[str, tuple[str, str | None]]  # well-known office holders and hosts: name -> (type, side)
    #: office holders whose type depends on the date: name -> (side, type in office, terms, before, after)
    dated: Mapping[str, _Dated] = field(default_factory=dict)
    #: who held an office of a side when: (side, office) -> ((from, to or None, name), ...)
    offices: Mapping[tuple[str, str], tuple[tuple[pd.Timestamp, pd.Timestamp | None, str], ...]] = \
        field(default_factory=dict)
    #: the words of titles no office of a side carries: side -> their pattern ("minister" for the United States)
    foreign_titles: Mapping[str, re.Pattern[str]] = field(default_factory=dict)

    def is_role_word(self, word: str) -> bool:
        """Whether ``word`` as written is a word of a role or title ("Commissioner", "security"); an acronym
        of a role written as a name is not ("Un" in "Kim Jong Un")."""
        core = _role_core(_POSSESSIVE.sub("", word))
        return core in self.role_words and not (core in self.acronyms and not word.isupper())

    def is_title_word(self, word: str, phrase: str) -> bool:
        """Whether ``word`` of the name-like ``phrase`` is a word of a role rather than of a name: a word that
        is a role term or title on its own, or a word found only inside a longer term ("Al" of "Al Jazeera",
        "Rand" of "Rand Corporation") when ``phrase`` holds that term ("Al Sharpton" is a name)."""
        if not self.is_role_word(word):
            return False
        core = _role_core(_POSSESSIVE.sub("", word))
        return core not in self.inner_words or bool(self.matches(phrase))

    def matches(self, phrase: str) -> list[tuple[int, int, str, bool]]:
        """Role terms in ``phrase``: ``(start, end, type, strong)``, longest first at each position."""
        found = []
        starts = [w.start() for w in re.finditer(r"(?<![\w\-])[\w]", phrase)]
        for pattern, fold in ((self.pattern_ci, True), (self.pattern_cs, False)):
            for at in starts:  # the longest term at every word, overlapping ones included
                m = pattern.match(phrase, at)
                if m:
                    key = (m.group(1).lower() if fold else m.group(1)).replace("’", "'")  # ("State’s Attorney")
                    if key not in self.terms:  # "director-general" of "director general", "Jaish-al-Adl"
                        key = self.hyphened.get(key.replace("-", " "), key)
                    if key not in self.terms:  # "Foundation for the Defense of Democracies"
                        key = re.sub(r"\b(of|for|on|in|to|against)\s+the\s+", r"\1 ", key)
                    if key not in self.terms:  # "agencies" of "aid agency"
                        key = key[:-3] + "y"
                    if key not in self.terms and not fold:  # "F.B.I." of "FBI"
                        key = m.group(1).replace(".", "")
                    if key not in self.terms:
                        continue
                    start = m.start(1)
                    if start != m.start():  # "co-host": the role shared, unless the lexicon lists the whole
                        whole = phrase[m.start():m.end(1)]
                        if (whole.lower() if fold else whole) in self.terms:
                            key, start = whole.lower() if fold else whole, m.start()
                        elif key in _PRESIDENTS:
                            continue  # a body's co-president is no head of state
                    typ, strong = self.terms[key]
                    if key == "secretary" and _CLERICAL.search(phrase, 0, start) and \
                            not re.match(r"\s*(?:of|general)\b|-general", phrase[m.end(1):]):
                        continue  # "Raquel Nunes, 27, a secretary from Sao Paulo": an office job, no office
                    if typ == "civilian" and _in_a_name(phrase, start, m.end(1)):
                        continue  # "Choe Son Hui", "the Parents Television Council": a word of a name
                    if phrase[start:start + 1].isupper() and _AGAINST.match(phrase, m.end()):
                        continue  # "Mayors Against Illegal Guns": a word of a campaign's name, of any type
                    found.append((start, m.end(1), typ, strong))
        # "according to KSDK-TV", "told FOX 9": a station by its call sign and band or channel
        found += [(m.start(), m.end(), "media", True) for m in _BROADCASTER.finditer(phrase)]
        # the longest terms first, then the others that overlap none taken: "State Attorney General" is
        # "attorney general" (government), not "state attorney" and "general" (military)
        found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
        out: list[tuple[int, int, str, bool]] = []
        for t in found:
            if all(t[1] <= u[0] or t[0] >= u[1] for u in out):
                out.append(t)
        return sorted(out)

    def type_of(self, phrase: str | None) -> str | None:
        """The type the role terms of ``phrase`` give: parts separated by " ; " are tried in order, and the first
        part with a strong term decides, else the first part with a type.

        In each part, the possessor is dropped ("Pakistan's foreign ministry" -> "foreign ministry"); a strong
        term of the head (before a post-modifier such as "at", "of", "for", "who", a comma or "and") decides,
        the rightmost if several; else the first strong term after the head ("director of the South Asia
        Institute" -> expert); else a weak term, the head's first. A term after "former", "retired" or "ex-"
        makes an expert (the codebook codes former officials quoted as commentators as experts).
        """
        if not phrase:
            return None
        # "Ex-national security adviser", "ex-CIA director": "ex-" is "former" before a role of several words
        phrase = re.sub(r"\b[Ee]x-(?=[A-Za-z])", "former ", phrase)
        # a part with a strong term before one with weak terms only ("WDBJ General Manager ; the station's
        # current general manager": media), else the first part with a type
        first = None
        for part in phrase.split(" ; "):
            typ = self._type_of_part(part)
            if typ is not None and self.strong(part):
                return typ
            first = first or typ
        return first

    def strong(self, phrase: str) -> bool:
        """Whether ``phrase`` holds a strong role term."""
        return any(t[3] for t in self.matches(phrase))

    @functools.cached_property
    def hyphened(self) -> dict[str, str]:
        """The terms by their words joined with spaces ("jaish al adl" -> "jaish al-adl"), for a term written with
        hyphens in place of its spaces or spaces in place of its hyphens."""
        return {t.replace("-", " "): t for t in self.terms}

    @functools.cached_property
    def surname_sex(self) -> dict[str, str]:
        """"he" or "she" for a surname the lexicon lists alone, by the given names of the people it lists under it
        in full, where they agree ("Trump" by Donald Trump; not "Clinton", listed as Bill and as Hillary
        Clinton)."""
        found: dict[str, set[str | None]] = {}
        for name in [*self.people, *self.dated]:
            words = name.split()
            if len(words) > 1:
                found.setdefault(words[-1], set()).add(given_name_sex(words[0]))
        # (only a surname the lexicon lists alone, as naming one person: not "Dowd", "Parker", "Warren")
        alone = set(self.people) | set(self.dated)
        return {last: sexes.pop() for last, sexes in found.items()
                if last in alone and len(sexes) == 1 and None not in sexes}

    @functools.cached_property
    def office_heads(self) -> frozenset[str]:
        """The last words of the offices the lexicon dates ("president" of "vice president")."""
        return frozenset(office.split()[-1] for _, office in self.offices)

    def followers_noun(self, word: str) -> bool:
        """Whether the lower-case noun ``word`` names people by whom they stand with or against, not by a role
        of their own: a people noun that is no title and no role term of an office, a profession or a body
        ("supporters", "critics", "fans"; not "director", "spokesman")."""
        return self.people_noun(word) and _singular(word) not in self.titles and \
            self.type_of(word) in (None, "civilian")

    def people_noun(self, word: str) -> bool:
        """Whether the lower-case noun ``word`` names a person or people: an anonymous head, a civilian term of
        the lexicon ("victims", "fans") or a noun with a person's ending ("farmer", "refugees", "businessmen",
        "deputies"), not a thing's ("center", "letters",
        "an indictment"); unnamed bodies count as people ("a local newspaper", "Western powers", as
        "authorities" do)."""
        singular = _singular(word)
        typ = self.type_of(singular)
        if word in self.anonymous_heads or singular in self.anonymous_heads or typ == "civilian":
            return True
        return bool(_PERSON_NOUN.search(singular)) and singular not in _NOT_PEOPLE and not singular.endswith("ment") \
            and typ != "document"

    def office_holder(self, term: str) -> bool:
        """Whether the role ``term`` names a person who holds an office ("president", "police officer",
        "prime minister"), not a body ("the Pentagon", "the Justice Department")."""
        return term.lower().split()[-1].strip(".") in self.titles

    def former_official(self, phrase: str | None) -> bool:
        """Whether ``phrase`` makes an expert of a former official ("former presidential envoy"): its type is
        expert, and an official's without "former", "retired" or "ex-"."""
        if not phrase or self.type_of(phrase) != "expert":
            return False
        if " and " in phrase:  # "a national security expert and former presidential envoy"
            return any(self.former_official(part) for part in phrase.split(" and ") if part != phrase)
        return self.type_of(_PAST_TERM.sub("", re.sub(r"(?i)\b(?:former|retired|ret\.)\s+|\bex-", "", phrase))) \
            in _HOME_TYPES

    def _type_of_part(self, part: str) -> str | None:
        # "former Texas congressman and Democratic presidential candidate": "former" is of the first role only,
        # a current role after "and" decides
        former, _, current = part.partition(" and ")
        # (not bodies joined under one office: "former head of the CIA and the Pentagon")
        if current and self.former_official(former) and not re.search(r"(?i)\b(?:former|retired|ex-)", current) \
                and not (re.search(r"\s(?:of|at|for|to)\s", former) and re.match(r"(?i)the\s", current)):
            now = self._type_of_part(current)
            if now is not None:
                return now
        found = self.matches(part)
        # a possessive inside a term ("state's attorney") owns nothing
        owner = [m for m in re.finditer(r"(?:’s|'s)\s", part) if not any(a < m.start() < b for a, b, _, _ in found)]
        if owner:
            # "NPR's Louisa Lim": the possessor decides when what it owns has no role; "the station's general
            # manager", "the NRA's spokesman", "the NRA's executive vice president": a weak role, or an office a body
            # holds through the person, owned by a body with a strong term is the body's
            owned, owner_part = part[owner[-1].end():], part[:owner[-1].start()]
            held = self.matches(owned)
            body = [t for t in self.matches(owner_part) if t[3]]
            if held and not any(t[3] for t in held) and body:
                # (a role held once in it is a former official's: "a former federal prosecutor with the U.S.
                # Attorney's Office")
                return "expert" if body[-1][2] in _HOME_TYPES and _FORMER_OPENING.match(owner_part) else body[-1][2]
            # (the owner itself is a body when its last strong term ends it: "Brazil's president-elect" is no
            # supporters')
            owner_body = body[-1] if body and body[-1][1] == len(owner_part) else None
            if held and owner_body is not None and (
                    owned[held[-1][0]:held[-1][1]].lower() in _BODY_OFFICES
                    or held[-1][2] in _HOME_TYPES and owner_body[2] not in _SIDED_TYPES):
                # an office the owner holds through the person, or a state's word for an office in a body no state
                # or party runs ("the church's senior minister", "the union's secretary"; not "CNN's polling
                # director", an expert)
                return owner_body[2]
            if _COUNSEL.match(owned):
                # "Trump's lawyers", "the family's attorney": the owner's own lawyer; a state body's lawyers speak
                # for it ("the Pentagon's top lawyer"), not an office holder's ("the officer's attorney")
                served = owner_body is not None and owner_body[2] in _OFFICIAL and \
                    not self.office_holder(owner_part[owner_body[0]:owner_body[1]])
                return owner_body[2] if served else "other"
            role = _ROLE_BEFORE_OWNER.match(owner_part)
            # "a professor at Albany's School of Criminal Justice": the owner is inside the place of a role named
            # before it, which decides as it does without the possessive (a role, not a civilian's word: "resident
            # senior fellow at the Atlantic Council's Rafik Hariri Center")
            typ = self._type_of_owned(part) if role and self.matches(role.group(1)) else None
            if typ in (None, "civilian"):
                typ = self._type_of_owned(owned) or self._type_of_owned(part)
            if typ in _HOME_TYPES and (_FORMER_HEAD.match(owner_part) or owner_body is not None and
                                       _FORMER_OPENING.match(owner_part)):
                # "former head of the State Department's intelligence unit", "former State Department's coordinator":
                # a role held once
                return "expert"
            return typ
        return self._type_of_owned(part)

    def _type_of_owned(self, part: str) -> str | None:
        found = self.matches(part)
        if not found:
            return None
        cut = _POST_MODIFIER.search(part)
        head_end = cut.start() if cut else len(part)
        head = [t for t in found if t[0] < head_end]
        rest = [t for t in found if t[0] >= head_end]
        pick = (max((t for t in head if t[3]), key=lambda t: t[1], default=None)
                or next((t for t in rest if t[3]), None)
                or max((t for t in head if not t[3]), key=lambda t: t[1], default=None)
                or next((t for t in rest if not t[3]), None))
        if pick is None:
            return None
        if not pick[3] and pick in head and cut is not None and re.match(r"\s(?:of|for|at|with)\s", part[cut.start():]):
            # "a spokesman for the group", "the director of the organization": a weak role held in a body that
            # only a weak term types is the body's
            end = _body_end(part, cut.end())
            body = [t for t in rest if t[2] != "document" and t[0] < end]
            if body:
                pick = body[-1]
        last = head[-1] if head else None
        if pick[3] and pick in head and last is not None and not last[3] and last[0] > pick[1] and cut is not None \
                and re.match(r"\s(?:of|for|at)\s", part[cut.start():]):
            # "the international security director for the Asia-Pacific Foundation think tank": a strong word that
            # only names the field of a weak role is outweighed by the body the role is held in
            end = _body_end(part, cut.end())
            body = [t for t in rest if t[3] and t[2] not in _HOME_TYPES | {"document"} and t[0] < end]
            if body:
                pick = body[-1]  # (a body of no state: "A senior administration official with ..." stays official)
        presided = _PRESIDED.match(part, cut.start()) if cut is not None else None
        if pick in head and part[pick[0]:pick[1]].lower() in _PRESIDENTS and presided:
            # "the president of the Buffalo Police Benevolent Association", "president and director-counsel of the
            # NAACP Legal Defense Fund": the body presided decides
            end = _body_end(part, presided.end())
            body = [t for t in rest if t[3] and presided.end() <= t[0] < end]
            if body:
                pick = body[-1]
        if pick in head and part[pick[0]:pick[1]].lower() in _BODY_OFFICES:
            # "NAACP president Ben Jealous", "university president", "NRA Executive Vice President Wayne
            # LaPierre", "the UN special envoy": the body named right before the office (its modifiers between);
            # not a party's adjective ("Democratic President Barack Obama" is the country's president)
            body = [t for t in head if t[3] and t[1] < pick[0] and part[t[0]:t[1]].lower() not in _PARTY_ADJECTIVES
                    and set(part[t[1]:pick[0]].lower().split()) <= _NOT_THE_OFFICE | _TITLE_MODIFIERS]
            if body:
                pick = body[-1]
        if part[pick[0]:pick[1]].lower().rstrip("s") in ("lawyer", "attorney"):
            # "lawyers for the family", "the lawyers of the suspect": a party's own lawyer, who speaks for the
            # client; the lawyers of a state body speak for it ("Lawyers for the Justice Department"; not an
            # office: "the U.S. attorney for the District")
            served = re.match(r"s?\s+(?:for|of|representing)(?:\s|$)", part[pick[1]:])
            if served and not _NAMED_BEFORE.search(part[:pick[0]]):
                client_end = _POST_MODIFIER.search(part, pick[1] + served.end())
                state = [t for t in rest if t[3] and t[2] in _OFFICIAL and not self.office_holder(part[t[0]:t[1]])
                         and t[1] <= (client_end.start() if client_end else len(part))]
                return state[-1][2] if state else "other"
            if _CLIENT.search(part[:pick[0]]) or _DEFENDING.search(part[:pick[0]]) \
                    and not _PROFESSION.search(part[:pick[0]]):
                return "other"  # "another former Trump attorney", "his lawyer", "defense lawyers", "the lawyer"
        if _SERVING_AND_PAST.search(part[:pick[1]]):
            # "current and former officials": typed as the serving ones among them
            return self._type_of_owned(_SERVING_AND_PAST.sub("current", part))
        if any(t[2] != "civilian" for t in found) and any(re.search(_HELD_ONCE, part[:t[0]], re.IGNORECASE)
                                                          for t in head + ([] if pick in head else [pick])):
            # "former top adviser to Condoleezza Rice at the State Department": the role of the head was held in
            # the past, whatever body is named after it ("a former FBI hostage negotiator"); a civilian's alone is
            # no role ("a former hostage", "a former student")
            return "expert"
        if pick[2] in _HOME_TYPES and _PAST_TERM.search(part[pick[1]:]):
            return "expert"  # "the State Department’s top Asia diplomat from 2013 to 2017": a role held in the past
        return pick[2]


def _body_end(part: str, start: int) -> int:
    """Where the body named from ``start`` in ``part`` ends: at its next post-modifier, else at the end. A lexicon term
    that starts before it is the body whole, a preposition of its own included ("the director of the Council on
    Foreign Relations")."""
    after = _POST_MODIFIER.search(part, start)
    return after.start() if after else len(part)


#: a preposition between two words of an escaped lexicon term, after which "the" may stand
_THE_AFTER_PREPOSITION = re.compile(r"(\[\\s\\-\](?:of|for|on|in|to|against)\[\\s\\-\])(?!the\[)")


def _compile(words: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    # a term that ends in a consonant and "y" has its plural in "ies" ("aid agencies", "companies")
    # and the words of a term may be written with hyphens ("director-general" is the "director general")
    # and an acronym may be written with full stops, as some outlets do ("F.B.I." is the FBI)
    # and a preposition inside a name may take "the" ("Foundation for the Defense of Democracies")
    # and an apostrophe may be written curly ("State’s Attorney")
    # (a name of four words or more: not "head of state", "secretary of state")
    body = "|".join(_THE_AFTER_PREPOSITION.sub(r"\1(?:the\\s+)?", term) if term.count(r"[\s\-]") >= 3 else term
                    for term in ((re.escape(w[:-1]) + "(?:y|ies)" if re.search(r"[^aeiou\W]y$", w) else
                                  "(?:" + w + "|" + r"\.".join(w) + r"\.?)" if re.fullmatch(r"[A-Z]{2,6}", w) else
                                  re.escape(w)).replace(r"\ ", r"[\s\-]").replace("'", "['’]")
                                 for w in sorted(words, key=len, reverse=True))) or r"(?!x)x"
    # "Speaker-designate": the role to come is the role (an office won at the polls and not yet held is a
    # politician's, which the lexicon lists as such: "president-elect"); "co-host", "co-chairman": the role shared
    return re.compile(r"(?<![\w\-])(?:[Cc]o-)?(" + body + r")(?:s|es)?(?:-(?:elect|designate))?(?=(?:’s|'s|’|')?(?![\w\-]))",
                      flags)


#: a passive right after a subject ("a teenager | was shot", "were killed")
_PASSIVE_AFTER = re.compile(r"\s*(?:was|were|is|are|has\s+been|had\s+been)\s+(?:[a-z]+(?:ed|en)|" + _IRREGULAR_PAST
                            + r"|shot|hit|hurt|cut|set|put|beaten|stolen)\b")
#: a title of the time before an office ("President-elect", "then-candidate", "the Republican nominee")
_BEFORE_OFFICE = re.compile(r"(?i)-elect\b|\bthen-|\bcandidate\b|\bnominee\b|\bhopeful\b")
#: the end of a sentence: a full stop after a word of two letters or more (not an initial, "U.S. officials", nor
#: a title or a name's abbreviation, "Sen. Obama", "St. Louis")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9\"”’)]{2})" + "".join(r"(?<!\b" + a.title() + ")" for a in sorted(
    TITLES | NAME_ABBREVIATIONS) if a.isalpha()) + r"[.!?][\"”’]?(?:\s+|$)")
#: an acronym written with full stops ("F.B.I.", "U.N.")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,6}")


#: a capitalised preposition after a word that makes it a word of a campaign's name ("Mayors Against Illegal Guns")
_AGAINST = re.compile(r"(?:’s|'s)?\s+(?:" + "|".join(sorted(NAME_PREPOSITIONS)) + r")\s+[A-Z]")


def _in_a_name(phrase: str, start: int, end: int) -> bool:
    """Whether the word ``phrase[start:end]``, written with a capital, is a word of a name rather than a role
    before one: after another capitalised word ("Choe Son Hui", "Kaiser Family Foundation", "Britt Farmer"),
    before a capitalised preposition ("Families Against Mandatory Minimums"), or after "the" and before another
    capitalised word ("the Parents Television Council"); not "Witness Bashir Ahmad", "Gold Star Mother Karen
    Vaughn" or "Syrian Refugee Abdullah Kurdi"."""
    word = phrase[start:end]
    if not word[:1].isupper() or word.isupper():
        return False
    before, after = phrase[:start], phrase[end:]
    # (a title before a person's full name is none: "Parkland Student David Hogg"; nor people in the plural
    # after a place or a people's name: "Flint Residents", "Palestinian Residents of Gaza")
    titled = re.match(r"(?:’s|'s)?\s+[A-Z][\w’'.\-]*\s+[A-Z]", after) is not None
    people = word.endswith("s") and not word.endswith("ss")  # "Rohingya Refugees", "Flint Residents": people
    demonym = re.search(r"(?:an|ese|ish|i)\s+$", before) is not None
    if _NAMED_BEFORE.search(before) and not (titled or people or demonym) or \
            re.match(r"(?:’s|'s)?\s+(?:For|Against|Of|In|On|To|And)\b", after):
        return True
    return re.search(r"\bthe\s+$", before) is not None and re.match(r"(?:’s|'s)?\s+[A-Z]", after) is not None


def _term_words(term: str) -> list[tuple[str, bool]]:
    """The words of a role term that may stand in a title ("security", "council"), each with whether it is
    written in capitals there ("UN" in "UN Security Council"); none for a term in capitals ("FBI")."""
    if not any(c.islower() for c in term):
        return []
    return [(x.strip(".").lower(), x.isupper() and len(x.strip(".")) > 1) for x in term.split()]


def _build_roles(data: Any, source: str, extra: Mapping[str, Iterable[str]] | None = None) -> _Roles:
    if not isinstance(data, Mapping) or not isinstance(data.get("types"), Mapping):
        raise LexiconError(f"{source}: expected a top-level 'types:' mapping of source type -> strong/weak terms")
    lines = getattr(data["types"], "key_lines", {})
    terms: dict[str, tuple[str, bool]] = {}
    written: list[tuple[str, bool]] = []
    for typ, entry in data["types"].items():
        where = f"{source}:{lines.get(typ, '?')}"
        if typ not in schema.SOURCE_TYPES:
            raise LexiconError(f"{where}: unknown source type {typ!r}; expected one of {list(schema.SOURCE_TYPES)}")
        if not isinstance(entry, Mapping) or set(entry) - {"strong", "weak"}:
            raise LexiconError(f"{where}: type {typ!r} must be a mapping with 'strong' and/or 'weak' term lists")
        for key in ("strong", "weak"):
            words = entry.get(key) or []
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise LexiconError(f"{where}: {typ}.{key} must be a list of terms (strings)")
            for w in words:
                w = w.strip()
                terms.setdefault(w if not any(c.islower() for c in w) else w.lower(), (typ, key == "strong"))
                written.extend(_term_words(w))
    for typ, words in (extra or {}).items():
        if typ not in schema.SOURCE_TYPES:
            raise LexiconError(f"roles: unknown source type {typ!r}; expected one of {list(schema.SOURCE_TYPES)}")
        for w in [words] if isinstance(words, str) else words:
            w = str(w).strip()
            terms[w if not any(c.islower() for c in w) else w.lower()] = (typ, True)
            written.extend(_term_words(w))
    anon = data.get("anonymous") or {}
    sides = data.get("sides") or {}
    if not isinstance(sides, Mapping) or not all(isinstance(v, (list, Mapping)) for v in sides.values()):
        raise LexiconError(f"{source}: 'sides:' must map a side to a list of names or to names:/people: lists")
    people: dict[str, tuple[str, str | None]] = {}
    listed = data.get("people") or {}
    people_lines = getattr(listed, "key_lines", {})
    if not isinstance(listed, Mapping):
        raise LexiconError(f"{source}: 'people:' must map a side to {{type: [name, ...]}}")
    for side_name, entry in listed.items():
        where = f"{source}:{people_lines.get(side_name, '?')}"
        if not isinstance(entry, Mapping) or not all(
                t in schema.SOURCE_TYPES and isinstance(v, list) and all(isinstance(n, str) and n.strip() for n in v)
                for t, v in entry.items()):
            raise LexiconError(f"{where}: people of {side_name!r} must map a source type (one of "
                               f"{list(schema.SOURCE_TYPES)}) to a list of names")
        for typ, names in entry.items():
            for n in names:
                # (people listed under ``null`` speak for no side: a television host)
                people.setdefault(n.strip(), (typ, None if side_name is None else str(side_name)))
    dated = _dated_people(data.get("terms") or {}, source)
    offices = _office_holders(data.get("offices") or {}, source)
    foreign = data.get("foreign_titles") or {}
    if not isinstance(foreign, Mapping) or not all(
            isinstance(v, list) and all(isinstance(w, str) and w.strip() for w in v) for v in foreign.values()):
        raise LexiconError(f"{source}: 'foreign_titles:' must map a side to a list of title words")
    titles = frozenset(str(t).lower() for t in data.get("titles") or ())
    # a conjunction inside a term ("national security and defense council") joins no title to a name
    role_words = (frozenset(w for w, _ in written) | titles) - {"and", "or", "&"}
    # (a term in capitals stands alone only in capitals: "RAND" leaves "Rand" of "Rand Paul" a given name)
    alone = frozenset(t.lower().strip(".") for t in terms if " " not in t and any(c.islower() for c in t))
    # "UN" of "UN Security Council" is a role word in capitals only: "Un" is a name word in "Kim Jong Un"
    acronyms = frozenset(w for w, caps in written if caps) - frozenset(w for w, caps in written if not caps) - titles
    return _Roles(
        terms=terms, titles=titles, role_words=role_words, acronyms=acronyms,
        inner_words=role_words - titles - alone,
        anonymous_heads=frozenset(str(w).lower() for w in anon.get("heads") or ()),
        anonymous_phrases=tuple(str(p).lower() for p in anon.get("phrases") or ()),
        pattern_ci=_compile((t for t in terms if any(c.islower() for c in t)), re.IGNORECASE),
        pattern_cs=_compile(t for t in terms if not any(c.islower() for c in t)),
        sides=dict(sides), people=people, dated=dated, offices=offices,
        foreign_titles={str(side): _compile(words, re.IGNORECASE) for side, words in foreign.items() if words},
    )


def _dated_people(listed: Any, source: str) -> dict[str, _Dated]:
    """The lexicon's ``terms:`` block: {side: [{names, type, held: [[from, to], ...], before, after}, ...]}; a
    term may name a type of its own as a third item ([from, to, military_security])."""
    lines = getattr(listed, "key_lines", {})
    if not isinstance(listed, Mapping):
        raise LexiconError(f"{source}: 'terms:' must map a side to a list of {{names, type, held, before, after}}")
    out: dict[str, _Dated] = {}
    for side_name, entries in listed.items():
        where = f"{source}:{lines.get(side_name, '?')}"
        if not isinstance(entries, list):
            raise LexiconError(f"{where}: terms of {side_name!r} must be a list of "
                               "{names, type, held, before, after}")
        for n, entry in enumerate(entries, 1):
            what = f"{where}: entry {n} of {side_name!r}"
            if not isinstance(entry, Mapping) or set(entry) != {"names", "type", "held", "before", "after"}:
                raise LexiconError(f"{what} must have exactly the keys names, type, held, before, after")
            bad = [entry[k] for k in ("type", "before", "after") if entry[k] not in schema.SOURCE_TYPES]
            if bad:
                raise LexiconError(f"{what}: unknown source type {bad[0]!r}; "
                                   f"expected one of {list(schema.SOURCE_TYPES)}")
            names = entry["names"]
            if not isinstance(names, list) or not names or not all(isinstance(x, str) and x.strip() for x in names):
                raise LexiconError(f"{what}: 'names' must be a list of names")
            held = entry["held"]
            if not isinstance(held, list) or not all(isinstance(t, list) and len(t) in (2, 3) for t in held):
                raise LexiconError(f"{what}: 'held' must be a list of [from, to] or [from, to, type] items")
            unknown = [t[2] for t in held if len(t) == 3 and t[2] not in schema.SOURCE_TYPES]
            if unknown:
                raise LexiconError(f"{what}: unknown source type {unknown[0]!r} in 'held'; "
                                   f"expected one of {list(schema.SOURCE_TYPES)}")
            try:
                terms = tuple((pd.Timestamp(str(t[0])), None if t[1] is None else pd.Timestamp(str(t[1])),
                               t[2] if len(t) == 3 else None) for t in held)
            except (TypeError, ValueError) as exc:
                raise LexiconError(f"{what}: 'held' must be a list of [from, to] or [from, to, type] items with "
                                   f"dates (to may be null): {exc}") from None
            if not terms or any(b is None for _, b, _ in terms[:-1]):
                raise LexiconError(f"{what}: 'held' needs at least one term, and only the last may be open")
            person = _Dated(str(side_name), entry["type"], terms, entry["before"], entry["after"])
            for x in names:
                out.setdefault(x.strip(), person)
    return out


def _office_holders(listed: Any, source: str) -> dict[tuple[str, str], tuple[tuple[pd.Timestamp, pd.Timestamp | None,
                                                                                  str], ...]]:
    """The lexicon's ``offices:`` block: {side: {office: [[from, to, name], ...]}}, who held an office when (``to``
    null for a term not ended)."""
    lines = getattr(listed, "key_lines", {})
    if not isinstance(listed, Mapping) or not all(isinstance(v, Mapping) for v in listed.values()):
        raise LexiconError(f"{source}: 'offices:' must map a side to {{office: [[from, to, name], ...]}}")
    out = {}
    for side_name, offices in listed.items():
        for office, held in offices.items():
            what = f"{source}:{lines.get(side_name, '?')}: office {office!r} of {side_name!r}"
            if not isinstance(held, list) or not all(isinstance(t, list) and len(t) == 3 and isinstance(t[2], str)
                                                     for t in held):
                raise LexiconError(f"{what} must be a list of [from, to, name] items")
            try:
                out[(str(side_name), str(office).lower())] = tuple(
                    (pd.Timestamp(str(a)), None if b is None else pd.Timestamp(str(b)), name.strip())
                    for a, b, name in held)
            except (TypeError, ValueError) as exc:
                raise LexiconError(f"{what}: [from, to, name] items need dates (to may be null): {exc}") from None
    return out


@functools.lru_cache(maxsize=1)
def _bundled_roles_data() -> Any:
    text = (importlib.resources.files("framing.lexicons") / "sources.yaml").read_text(encoding="utf-8")
    return load_yaml(text, "bundled lexicon lexicons/sources.yaml", LexiconError)


def _roles(lexicon: Any, extra: Mapping[str, Iterable[str]] | None) -> _Roles:
    if lexicon is None:
        return _build_roles(_bundled_roles_data(), "bundled lexicon lexicons/sources.yaml", extra)
    source = f"sources lexicon {lexicon}"
    return _build_roles(read_yaml(lexicon, source, LexiconError), source, extra)


# ------------------------------------------------------------------------------------------- one document

@dataclass
class _Source:
    source: str | None
    source_type: str
    affiliation: str | None
    anonymous: bool
    kind: str  # person, thing, anonymous, pronoun, writer, none


class _Document:
    """The people and their roles in one article, and the sources of its statements in text order."""

    def __init__(self, text: str, roles: _Roles, sides: Sides, home: str | None = None,
                 date: pd.Timestamp | None = None, quoted: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.date = date  # the article's date, for the office holders of the lexicon's ``terms:``
        self.home = home  # the side of officials the text gives none (the ``home`` of :func:`sources`)
        self.roles = roles
        self.sides = sides
        self.people: dict[str, tuple[str | None, str | None]] = {}  # full name -> (type, side)
        self.untyped: set[str] = set()  # people the article gives no role (typed civilian for want of one)
        self.previous: list[tuple[int, _Source, str | None]] = []  # (cue start, source, mention) so far
        self._names: dict[str, list[str]] = {}  # surname -> the people of that name, first named first
        self._ranks: dict[str, int] = {}  # full name -> its rank among namesakes
        self._alone: dict[str, int | None] = {}  # surname -> the rank of one titled by it alone, no namesake
        self._titles_of: dict[str, list[str]] = {}  # full name -> the titles written with the full name
        self._given: dict[str, str | None] = {}  # first name -> the one full name it opens
        self._family: dict[str, str | None] = {}  # family name -> the full name it opens, written first
        self._naming_owner = False  # whether a body named by its head word alone is being looked up
        self._opened_by: dict[str, list[str]] = {}  # a word -> the full names it opens
        self._places: dict[str, bool] = {}  # name -> written as a place or a thing's name
        self._titled_names: dict[str, bool] = {}  # name -> given a title or a description in the article
        self._place_people: dict[str, str | None] = {}  # a place's name -> the person it is the surname of
        self._contexts: dict[str, str] = {}  # person -> the titles and descriptions the article gives them
        self._genders: dict[str, str | None] = {}  # person -> "he" or "she", as the article shows it
        self._window: tuple[int, int] | None = None  # the previous and the current sentence of the statement
        self.quoted = quoted or []  # the article's quotations (start, end), in text order
        self.quoted_starts = [a for a, _ in self.quoted]  # their starts, for the bisect of ``in_quote``
        self._sentence_start = 0  # where the statement's own sentence starts

    @functools.cached_property
    def _sides_named(self) -> list[tuple[str, int, int]]:
        """The sides the article names, with their offsets (the gazetteer run over the whole text once)."""
        return self.sides.find(self.text)

    @functools.cached_property
    def dateline(self) -> str | None:
        """The country of the place the article is filed from, by the dateline that opens a line of its first
        paragraphs ("CAIRO (AP) —", "QUETTA, Pakistan (Reuters) -", "New Delhi, India -", "Washington (CNN) --"),
        when it names one country; else None ("SEOUL/WASHINGTON (Reuters) -", "UNITED NATIONS —")."""
        m = _DATELINE_PLACE.search(self.text, 0, 600)
        if m is None or not (m.group(1).isupper() or m.group(2) or m.group(3)):
            return None
        place = re.sub(r"[A-Z]{2,}", lambda w: w.group(0).capitalize(), m.group(1))  # "SEOUL/TOKYO" -> "Seoul/Tokyo"
        named = {side for side, _, _ in self.sides.find(place + (", " + m.group(2) if m.group(2) else ""))}
        if len(named) != 1:
            return None
        side = named.pop()
        return side if self.sides.kinds.get(side, "country") == "country" else None

    def setting(self) -> str | None:
        """The country the article is about: the home country when the story is filed from home ("WASHINGTON
        —"); else the country of at least half of the article's mentions of countries, or of three times as many
        as the next one (three or more), else None; of two named as often, the one the story is filed from, if
        either is. (A story filed from abroad may be about a visit or a summit there: its dateline places only
        the unnamed officials it quotes.)"""
        if not hasattr(self, "_setting"):
            if self.home is not None and self.dateline == self.home:
                self._setting = self.home
                return self._setting
            counts = self._countries_named
            total = sum(counts.values())
            ranked = sorted(counts.values(), reverse=True) + [0]
            top = max(counts, key=counts.__getitem__, default=None)
            if top is not None and counts[top] == ranked[1]:
                # two countries named as often: the one the story is filed from, if it is one of them
                top = self.dateline if counts.get(self.dateline or "") == counts[top] else None
            self._setting = top if top is not None and counts[top] >= 3 and (
                2 * counts[top] >= total or counts[top] >= 3 * ranked[1]) else None
        return self._setting

    @functools.cached_property
    def _countries_named(self) -> dict[str, int]:
        """How often the article names each country (not a place that is the surname of a person it titles)."""
        counts: dict[str, int] = {}
        for side, a, b in self._sides_named:
            if self.sides.kinds.get(side, "country") == "country" and \
                    self._place_person(_POSSESSIVE.sub("", self.text[a:b])) is None:
                counts[side] = counts.get(side, 0) + 1
        return counts

    def abroad(self, src: _Source, mention: str | None, at: int) -> str | None:
        """For an official the ``home`` side would take by default, whose phrase or titles hold a title no office
        of the home side carries (the roles lexicon's ``foreign_titles:``: "Interior Minister Ralf Jaeger", "the
        Health Ministry" in an American story): the country the article is about, else the one other country
        named around the person's first mention or around the mention at ``at`` ("Beijing rejected the claim.
        Foreign Ministry spokesman Lu Kang said"), else the one it names most besides the home side (three times
        or more, and twice as often as any other), else None (no side rather than the home's); the home side
        otherwise."""
        pattern = self.roles.foreign_titles.get(self.home or "")
        titles = (mention or "") + (" ; " + self.context(src.source) if src.kind == "person" and src.source else "")
        if pattern is None or not pattern.search(titles):
            return self.home
        setting = self.setting()
        if setting is not None and setting != self.home:
            return setting
        first = next(self._occurrences(src.source), None) if src.kind == "person" and src.source else None
        for pos in ([first.start()] if first is not None else []) + [at]:
            # its sentence and the one before
            ends = [m.end() for m in _SENTENCE_END.finditer(self.text, max(0, pos - 600), pos)]
            end = _SENTENCE_END.search(self.text, pos)
            start, stop = ends[-2] if len(ends) > 1 else max(0, pos - 600), end.end() if end else len(self.text)
            around = {side for side, _, _ in self.sides.find(self.text[start:stop])
                      if side != self.home and self.sides.kinds.get(side, "country") == "country"}
            if len(around) == 1:
                return around.pop()
        ranked = sorted(((n, side) for side, n in self._countries_named.items() if side != self.home), reverse=True)
        ranked.append((0, None))
        return ranked[0][1] if ranked[0][0] >= 3 and ranked[0][0] >= 2 * ranked[1][0] else None

    def former_official(self, person: str | None, mention: str | None) -> bool:
        """Whether the source is a former official by the ``mention`` or, for a ``person``, by the titles and
        appositives the article gives them that make them an expert."""
        if self.roles.former_official(mention):
            return True
        if person is None:
            return False
        parts = [p for p in self.context(person).split(" ; ") if p]
        typed = next((p for p in parts if self.roles.type_of(p) is not None), None)
        # (or a role under an office holder who has left office: "President Barack Obama's special adviser" in 2018)
        return self.roles.former_official(typed) or self._past_principal([mention or ""] + parts)

    def side_of(self, phrase: str | None, person: bool = False) -> str | None:
        """The side a source phrase speaks for: the sides it names, without the place or body a diplomat or an envoy
        is sent to ("U.S. ambassador to the United Nations" -> United States, "the U.S. embassy in Pakistan" ->
        United States, "Obama's chief negotiator with Iran", "the special envoy for Ukraine"); for a ``person``
        whose title names several, the first, and for a body named after the side that owns it, that side ("South
        Korea's Joint Chiefs of Staff"; a group of several sides is mixed)."""
        if not phrase:
            return None
        cut = _DESTINATION.search(phrase)
        own = phrase[:cut.start(1)] if cut else phrase
        side = self.sides.side_of(own)
        located = _BODY_IN.search(own) if side is None else None
        if located:
            # "the defense ministry in Seoul", "the government in Kabul": a body of the state where it sits (not
            # an embassy's host: "the U.S. embassy in Pakistan" is cut above)
            places = {m.side for m in self.sides.mentions(located.group(1))}
            side = places.pop() if len(places) == 1 else None
        if side == MIXED:
            named = [m for m in self.sides.mentions(own) if not m.place]
            if len(named) == 2 and own[named[0].end:named[1].start] == "-":
                side = named[1].side  # "a Bosnian-American woman": the second people of the pair is her country
            elif person and named:
                side = named[0].side
            elif len(named) == 2 and re.fullmatch(r"(?:’s|'s)?\s+", own[named[0].end:named[1].start]):
                side = named[0].side  # "South Korea’s Joint Chiefs of Staff": the side that qualifies the other
        return side

    def unnamed(self, mention: str) -> bool:
        """Whether ``mention`` is an institution named by its kind alone ("the army", "the foreign ministry"):
        no capitalised word after its first."""
        return not any(w[:1].isupper() for w in mention.split()[1:]) and not self.sides.find(mention)

    def local(self, mention: str) -> bool:
        """Whether ``mention`` names the local authorities of a place: police, authorities, investigators."""
        if self._head(mention) in _LOCAL:
            return True
        # "health ministry sources", "army officers": unnamed people of a state body the phrase names by its kind
        words = [w.lower() for w in _WORD.findall(mention)]
        return any(w in _STATE_BODIES for w in words[:-1])

    # ---- names
    def _name_words(self, name: str, places: bool = False) -> list[str] | None:
        """The words of ``name`` when it can be a person's name, else None; with ``places``, a word of it may be
        a place's name ("Lisa Monaco", "Dutch Ruppersberger")."""
        words = name.split()
        if not words or len(words) > 5:
            return None
        # (the surname is the last word but a generation: "Martin Luther King Jr." is no king)
        last = len(words) - 1 - (len(words) >= 3 and is_generation(_POSSESSIVE.sub("", words[-1])))
        for k, w in enumerate(words):
            core = _POSSESSIVE.sub("", w)
            # a given name may be a word of an institution's name ("Al Sharpton", "Rand Paul"), the last word
            # not ("Law Center")
            if k > last:
                continue
            if not _NAME_WORD.match(core) or (self.roles.is_title_word(core, name) if k < last
                                              else self.roles.is_role_word(core)
                                              and not (k and core.lower() in _ROLE_SURNAMES)):
                return None
            if self.sides.is_place(core) and not places or core in _SENTENCE_WORDS:
                return None
        capitals = [bool(_CAPITALS.fullmatch(_POSSESSIVE.sub("", w))) for w in words] if len(words) > 1 else []
        if any(capitals) and not all(capitals):
            return None  # "DOWNLOAD THE APP Trump": a word in capitals is a headline's, not the name's
        return words

    def full_name(self, surname: str, before: Sequence[str] = ()) -> str | None:
        """The fullest name the article gives that ends with ``surname`` (two to four name words).

        Where the article names several people of that surname ("President Donald Trump and first lady Melania
        Trump"), the surname alone is the one of highest :meth:`_rank`, the one named first among equals; of
        people equal so, one who has spoken ("Bill Clinton signed the ban. Hillary Clinton said ... Clinton
        said"). ``before``, the words written before the surname in the mention, chooses among them by the title
        or honorific it ends with (:meth:`_bearers`). With neither, the surname alone is no namesake's when the
        article titles it alone as someone of higher rank whom no namesake may be (:meth:`_alone_rank`: "Trump
        said" beside "President Trump" and "first lady Melania Trump" is the president), and None is returned."""
        people = self._namesakes_of(surname)
        if before and self._title(before[-1]):
            people = self._bearers(surname, people, before[-1])
        elif people and (alone := self._alone_rank(surname)) is not None and alone < self._rank(people[0]):
            return None
        if not people:
            return None
        spoken = [p for p in people[1:] if p in self.people and self._rank(p) == self._rank(people[0])]
        return people[0] if people[0] in self.people or not spoken else spoken[0]

    def _bearers(self, surname: str, people: list[str], title: str, strict: bool = False) -> list[str]:
        """Those of the namesakes ``people`` of ``surname`` who may be the one ``title`` names with the surname
        alone, by its last word: for an honorific of one sex ("Mrs. Trump"), those the article shows to be of that
        sex, else those it shows of neither (else, of several and unless ``strict``, all; "Mr. Trump" is no "first
        lady Melania Trump"), and of the sex of the person the lexicon lists under the surname alone, that person
        or one the article shows of that sex; for a title ("Sen. Clinton"), those it gives that title, else
        one of that type ("Sen." and "Senator"), else those it gives no family title ("first lady Michelle
        Obama" is no "President Obama"); of the last two, none of another given name than the person the
        lexicon's ``terms:`` list under the surname alone when that person held an office of the title's type or
        is of it on the article's date ("President Trump" in 2018 and "Former President Trump" in 2023 are no
        "Ivanka Trump" the article names untitled, nor the "Considering Trump" of a sentence's opening word; a
        "Vice President Michael Pence" the article titles so stays)."""
        last = title.split()[-1] if title.split() else ""
        word = _role_core(last)
        sex = _sex_of(word)
        listed = self.roles.dated.get(surname)
        if sex is not None:
            if listed is not None and self.roles.surname_sex.get(surname) == sex:
                # "Mr. Obama" is the listed man, not a "See Obama" of a link's words
                people = [p for p in people if self._dated(p) is listed
                          or self.gender(p) == sex]
            return [p for p in people if self.gender(p) == sex] or \
                [p for p in people if self.gender(p) is None] or ([] if strict or len(people) < 2 else people)
        if word and self.roles.is_role_word(last) and (kind := self.roles.type_of(last)) != "document":
            kind = kind if self.roles.strong(last) else None
            titled = [p for p in people if word in self._title_words(p)]
            if titled:
                return titled
            if listed is not None and kind is not None and (
                    kind == listed.held or any(typ == kind for _, _, typ in listed.terms)
                    or self.date is not None and kind == listed.type_on(self.date)):
                people = [p for p in people if self._dated(p) is listed]
            return [p for p in people if kind is not None and any(self.roles.strong(t) and self.roles.type_of(t) == kind
                                                                  for t in self._titles(p))] or \
                [p for p in people if not _KIN & self._title_words(p)]
        return people

    def _alone_rank(self, surname: str) -> int | None:
        """How the person the article titles by ``surname`` alone ranks, as :meth:`_rank` ranks a namesake (0
        for the title of an official or a politician, 1 for another title or an honorific), when no namesake may
        be them by :meth:`_bearers` ("President Trump" beside "first lady Melania Trump", "Mr. Obama" beside
        "Michelle Obama"): someone whose given name the article never writes; None when there is no one so (the
        best rank of several)."""
        if surname not in self._alone:
            people = self._namesakes_of(surname)
            ranks = []
            for m in self._occurrences(surname):
                word = self._capital_before(m.start())
                if word is None or not self._title(word) or self.in_quote(m.start()):
                    continue  # (a given name before it: "Melania Trump"; no title: "said Trump")
                title = self._title_before(m.start())
                if title and not self._bearers(surname, people, title, strict=True):
                    ranks.append(0 if self.roles.type_of(title) in _HOME_TYPES else 1)
            self._alone[surname] = min(ranks, default=None)
        return self._alone[surname]

    def _capital_before(self, pos: int) -> str | None:
        """The capitalised word written right before ``pos`` (a title or a given name: "President", "Mr.",
        "Melania" before "Trump"), or None."""
        m = _NAME_BEFORE.search(self.text, max(0, pos - 40), pos)
        return m.group(0).split()[-1] if m else None

    def _namesakes_of(self, surname: str) -> list[str]:
        """:meth:`_namesakes`, read once per surname."""
        if surname not in self._names:
            self._names[surname] = self._namesakes(surname)
        return self._names[surname]

    def _rank(self, full: str) -> int:
        """How a namesake ranks as the person a surname alone names, news style's principal first: 0 for an
        official or a politician (listed so by the roles lexicon, or titled so by the article: "President Barack
        Obama", "Rep. Steve King"), 1 for another role (a host the lexicon lists, "CNN anchor Chris Cuomo"), 2 for
        none ("first lady Michelle Obama", a headline's "Libra Trump")."""
        if full not in self._ranks:
            if self.roles.dated.get(full) is not None:
                listed = 0
            elif full in self.roles.people:
                listed = 1 if self.roles.people[full][1] is None else 0  # (hosts and columnists have no side)
            else:
                listed = 2
            kinds = {self.roles.type_of(title) for title in self._titles(full)}
            titled = 0 if kinds & _HOME_TYPES else 1 if kinds - {None, "civilian", "document"} else 2
            self._ranks[full] = min(listed, titled)
        return self._ranks[full]

    def _titles(self, full: str) -> list[str]:
        """The titles written before the full name ``full`` and the heads of the descriptions set off by commas
        after it (not those of the surname alone, which a namesake may share; not the rest of a description:
        "Ivanka Trump, a senior adviser to the president" is an adviser)."""
        if full not in self._titles_of:
            found = []
            for m in self._occurrences(full):
                title = self._title_before(m.start())
                described = self._appositive_after(m.end(), comma_closed=True)
                found += [t for t in (title, self._head(described) if described else "") if t]
            self._titles_of[full] = found
        return self._titles_of[full]

    def _title_words(self, full: str) -> set[str]:
        """The words of :meth:`_titles`, as the roles lexicon lists them ("Sen." is "sen")."""
        return {_role_core(w) for title in self._titles(full) for w in title.split()}

    def _namesakes(self, surname: str) -> list[str]:
        """The people the article names with ``surname``, each by their longest name, in the order of
        :meth:`_rank`, then first named first: names that differ only by words one leaves out ("Donald Trump",
        "Donald J. Trump") are one person."""
        found: list[tuple[bool, str]] = []  # (doubtful, full name)
        # "Al-Moallem" is written "al-Moallem" after a first name; "DiGenova" opening a sentence is "Joseph diGenova"
        spelled = re.escape(surname)
        if re.match(r"(?i:al|el)-|[A-Za-z][a-z]{1,2}[A-Z][a-z]", surname):
            spelled = "[" + surname[0].upper() + surname[0].lower() + "]" + re.escape(surname[1:])
        # "Araji" after "Noor al-Araji": the article particle belongs to the surname
        for m in re.finditer(r"(?<![\w’'\-])(?:[ae]l-)?" + spelled + r"(?![\w\-])", self.text):
            words = []
            pos = m.start()
            window = self.text[max(0, pos - 80):pos]
            line = window[window.rfind("\n") + 1:]  # not across lines
            for w in reversed(list(re.finditer(r"[^\s]+", line))):
                token = w.group(0)
                if token in ("Charge", "Chief") and re.search(r"\bin\s+$", line[:w.start()]):
                    break  # "Special Agent in Charge Rick DesLauriers": a title's end, no given name
                if token in _NAME_PARTICLES and not words:
                    words.insert(0, token)  # "James van Beek": a particle in lower case inside the name
                    continue
                if re.fullmatch(r"[A-Z]\.", token) and len(words) < 3:
                    words.insert(0, token)  # a middle initial: "Robert A. Levy"
                    continue
                if re.fullmatch(r"(?:[A-Z]\.){2,3}", token) and not words and not self.sides.is_place(token):
                    words.insert(0, token)  # initials as the given name: "H.R. McMaster" (not "U.S.")
                    break
                named = " ".join([token] + words + [m.group(0)])
                if not (_NAME_WORD.match(token) and not self.roles.is_title_word(token, named)
                        and (not self.sides.is_place(token) or not words and self._described_name(named))
                        and token not in _SENTENCE_WORDS and token not in _PLATFORMS
                        and not _WEEKDAYS.fullmatch(token) and not _COMPOUND.match(token) and token != m.group(0)
                        and not token.endswith((",", ".", ":", ";", "’s", "'s"))) or len(words) >= 3 \
                        or _CAPITALS.fullmatch(token) \
                        or re.search(r"(?i)-years?-old$", token):
                    break
                words.insert(0, token)
            if words and words[0] in _NAME_PARTICLES:  # "al Araji", not the given name of "Al Gore"
                words = words[1:]
            if words and re.fullmatch(r"[A-Z]\.", words[0]):
                words = []
            of = re.search(r"(?<![\w’'\-])(?:([\w\-]+)\s+)?(?:of|for)\s+$",
                           self.text[max(0, pos - 90):self.text.rfind(words[0], 0, pos)]) if len(words) > 1 else None
            if of is not None and not (of.group(1) and self.roles.followers_noun(of.group(1).lower())):
                # "U.S. attorney for the District of Columbia Joseph diGenova": a body's last word (not after people
                # the name's owner has: "Supporters of Recep Tayyip Erdogan")
                words = words[1:]
            if len(words) > 1 and re.search(r"(?<![\w’'\-])(?:the|to)\s+$",
                                            self.text[max(0, pos - 90):self.text.rfind(words[0], 0, pos)]):
                words = words[self._leading_place(words, 1):]  # "ambassador to the United States Sergey Kislyak"
            if words:
                # "Per Mueller's report", "Why Trump ...": a word that opens the sentence and is written in lower
                # case elsewhere in the article is a given name only when the article gives no other ("Bill
                # Clinton signed the bill"); nor is one that opens it before a given name and a surname the article
                # also writes without it, and the surname alone ("Add Donald Trump", "See Michael Flynn"; not "Debbie
                # Wasserman Schultz" before "Wasserman Schultz", a surname of two words)
                opening = self.text.rfind(words[0], 0, pos)
                doubtful = self._capital_by_position(words[0], opening) or len(words) > 1 and \
                    self._opens_sentence(opening) and self._written_alone(" ".join(words[1:] + [m.group(0)]), words[0]) \
                    and self._written_alone(m.group(0), words[-1])
                # ("Martin Luther King Jr.": the generation written after the surname is part of the name)
                generation = _GENERATION_AFTER.match(self.text, m.end(), m.end() + 6)
                found.append((doubtful, " ".join(words + [m.group(0)] + ([generation.group(1)] if generation else []))))
                parent = " ".join(words + [m.group(0)])
                if generation and (parent in self.roles.dated or parent in self.roles.people):
                    # "Donald Trump Jr." names his father too, for a surname alone, when the roles lexicon lists him
                    found.append((doubtful, parent))
                if doubtful and len(words) > 1:
                    found.append((False, " ".join(words[1:] + [m.group(0)])))  # "To Lanae Erickson Hatalsky"
        sure = [cand for doubtful, cand in found if not doubtful] or [cand for _, cand in found]
        people: list[str] = []
        for cand in sure:
            same = next((k for k, p in enumerate(people) if _one_name(p, cand)), None)
            if same is None:
                people.append(cand)
            elif len(cand) > len(people[same]):
                people[same] = cand
        return sorted(people, key=self._rank) if len(people) > 1 else people

    def _occurrences(self, name: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Where the article (or ``text[start:end]``) writes ``name`` as whole words (a possessive after it
        allowed)."""
        return re.compile(r"(?<![\w’'\-])" + re.escape(name) + r"(?![\w\-])").finditer(
            self.text, start, len(self.text) if end is None else end)

    def _written_alone(self, name: str, before: str) -> bool:
        """Whether the article writes ``name`` somewhere without the word ``before`` in front of it."""
        return any(not self.text.endswith(before + " ", 0, m.start())
                   for m in self._occurrences(name))

    def _opens_sentence(self, at: int) -> bool:
        """Whether the word at ``at`` opens the text or a line or follows the end of a sentence."""
        return at == 0 or at > 0 and _SENTENCE_OPENING.search(self.text, max(0, at - 4), at) is not None

    def _capital_by_position(self, word: str, at: int) -> bool:
        """Whether ``word``, written at ``at``, has its capital only because it opens a sentence or a line: the
        article writes it in lower case elsewhere ("Per Mueller's report"), or it is a quantifier ("Several Trump
        aides", "Both Kelly and ...")."""
        return self._opens_sentence(at) and (word.lower() in _OPENING_QUANTIFIERS or word.lower() in self._lower_words)

    @functools.cached_property
    def _lower_words(self) -> frozenset[str]:
        """The words the article writes in lower case."""
        return frozenset(re.findall(r"(?<![\w’'\-])[a-z][\w\-]*", self.text))

    def _written_at(self, mention: str, cue_start: int) -> int:
        """Where ``mention`` is written last before (or at) the cue at ``cue_start``; the cue when it is not."""
        at = self.text.rfind(mention, 0, cue_start + 1)
        return at if at >= 0 else cue_start

    def _no_name_word(self, word: str, following: str, name: str) -> bool:
        """Whether ``word``, followed by ``following`` in the name-like ``name``, is no word of a name: a title the
        quotation module does not know as one ("Speaker-designate ...", "Police Commissioner ..."), an age, an
        office written as an acronym ("DNI James Clapper"; not an outlet's: "CNN"), a caption's credit ("AP
        Photo Tillerson")."""
        office = word.isupper() and self.roles.terms.get(word, ("", False))[0] not in ("", "media")
        credit = word in _CAPTION or word.isupper() and following in _CAPTION
        return self.roles.is_title_word(word, name) or re.search(r"(?i)-years?-old$", word) is not None \
            or office or credit or _WEEKDAYS.fullmatch(word) is not None or _COMPOUND.match(word) is not None

    def _leading_place(self, words: Sequence[str], rest: int) -> int:
        """How many of the first ``words`` of a name-like run name a place, leaving ``rest`` words or more after
        them ("United States" of "United States Sergey Kislyak"); 0 when they name none or the first is a given
        name ("Jordan", "Georgia")."""
        place = next((k for k in range(len(words) - rest, 0, -1) if self.sides.is_place(" ".join(words[:k]))), 0)
        if not place or given_name_sex(words[0]) is not None or _POSSESSIVE.search(words[place - 1]) or \
                self.sides.aliases.get(words[0], ("", ""))[1] == "people":
            return 0  # (nor an owner or a people: "Japan's Asahi Shimbun", "the Palestinian U.N. observer")
        return place

    def _place_like(self, name: str) -> bool:
        """Whether the name-like ``name`` is written as a place or a thing's name, not a person's: one that ends
        with a place's noun and holds no given name ("Ahrar Bridge", not "Billy Ocean"), or one written after
        "the" or a preposition of place ("the Middle East", "in Las Vegas", "the Boston Marathon bombings") in more
        than half of its occurrences that modify no role or body and own nothing ("the Obama administration", "in
        Jack Wilson’s head" tell nothing)."""
        if _FEATURE.search(name) and not any(is_given_name(w) for w in name.split()[:-1]):
            return True  # (not a person named so: "Billy Ocean", "Antonio Plaza")
        if name not in self._places:
            n = k = 0
            for m in self._occurrences(name):
                if self._modifier(m.end()) or re.match(r"’s|'s", self.text[m.end():m.end() + 2]):
                    continue  # nor "in Jack Wilson’s head": a possessor
                n += 1
                k += _PLACE_BEFORE.search(self.text, max(0, m.start() - 12), m.start()) is not None
            self._places[name] = 2 * k > n
        return self._places[name]

    def person(self, mention: str) -> str | None:
        """The person ``mention`` names (their fullest name in the article), or None."""
        name = speaker_name(mention)
        if not name:
            return None
        name = _POSSESSIVE.sub("", name).strip()
        described = re.match(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w\-]*\s+){0,2}?"
                             r"([a-z][\w\-]*)\s+of\s", name)
        if described and self.roles.people_noun(described.group(1)):
            return None  # "The daughter of Gen. Qassem Soleimani": someone the name is the daughter of
        parts = name.split()
        if any(links_body_name(parts, k) for k in range(1, len(parts) - 1)) and not _OWNER.search(name):
            # "the University of Wisconsin Oshkosh": a body's name (speaker_name leaves a person after a body's title
            # to the name: "... Acting Deputy Secretary Ken Cuccinelli"; a body that owns the name is read below:
            # "Massachusetts Institute of Technology's Jim Walsh")
            return None
        if self.sides.is_place(name) and \
                re.search(r"(?i)\b(?:in|from|near|at)\s+(?:the\s+)?" + re.escape(name) + r"\W*$", mention):
            return None  # "Officials in Jordan": a place the people are in, not the given name of "Jordan Smith"
        owned = re.fullmatch(r"(.+?)(?:’s|'s|’|')\s+([A-Z][\w’'.\-]*(?:\s+[\w’'.\-]+)*)", name)
        if owned:
            owner, words = owned.group(1), owned.group(2).split()
            titled = 0
            while titled < len(words) - 1 and (words[titled].lower().strip(".") in self.roles.titles
                                                or words[titled].lower().strip(".") in _HONORIFICS):
                titled += 1  # "Egypt's President Abdel Fattah al-Sisi": the titles the owner's person holds
            held = " ".join(words[titled:])
            owner_sides = {side for side, _, _ in self.sides.find(owner)}
            owns = owner_sides or self.roles.matches(owner)
            full = self.full_name(held) if len(words) - titled == 1 and owns and \
                not self.sides.is_place(held) else None
            first = self.text.find(full) if full not in (None, held) else -1
            if len(words) - titled >= 2 and self._name_words(held) is not None and (
                    owns or self._written_alone(words[-1], words[-2])) or \
                    first >= 0 and (not owner_sides or (self.known(full) or (None, None))[1] in owner_sides or
                                    owner_sides & {side for side, _, _ in
                                                   self.sides.find(self.text[max(0, first - 60):first])}):
                # "NPR's Peter Kenyon", "North Korea's Kim Jong-un", "Reason's Jacob Sullum" (then "Sullum"),
                # "Egypt's President Abdel Fattah al-Sisi", "Poland's Sikorski" after "Polish Foreign Minister
                # Radoslaw Sikorski" (a surname alone names one the article first names with the owner's side:
                # "North Korea's Kim" is no "U.S. Ambassador Sung Kim", "Britain's Johnson" no "Sen. Ron Johnson"): the
                # person, whom their outlet or country owns (not "Dick's Sporting Goods", a name as a whole)
                name = held
        lead = name.split()
        while len(lead) > 1 and self._no_name_word(lead[0], lead[1], name):
            lead.pop(0)
        while len(lead) > 1 and _WEEKDAYS.fullmatch(lead[-1]):
            lead.pop()  # "President Obama Wednesday said"
        place = self._leading_place(lead, 2) if re.match(r"(?i)the\s", mention) else 0
        if place and self._name_words(" ".join(lead[place:])) is not None:
            # "the United States Sergey Kislyak" of "ambassador to the United States Sergey Kislyak": a place the
            # title goes to, then the name
            lead = lead[place:]
        name = " ".join(lead)
        if _WEEKDAYS.fullmatch(name):
            return None  # "the president Friday morning": a day, no one's name
        last = lead[-1].lower() if lead else ""
        if last in self.roles.anonymous_heads and _singular(last) != last:
            return None  # "Muslims", "Many Republicans": people the article does not name
        words = self._name_words(name)
        before = mention[:mention.rfind(name)].split()
        if words is None and len(lead) > 1 and not self.sides.is_place(name) and (
                before and self._title(before[-1]) or self._described_name(name)):
            # "adviser Lisa Monaco", "Sheriff Scott Israel", "Keating Holland, CNN's polling director": a person's
            # name with a title or a description, though a word of it names a place
            words = self._name_words(name, places=True)
        surnamed = self._place_person(name) if words is None and len(lead) == 1 else None
        if surnamed is not None:
            return surnamed  # "Israel said" in an article on Sheriff Scott Israel
        if words is None and name.lower() in _ROLE_SURNAMES:
            # "King said" after "Rep. Peter King": the surname of a person the article names in full
            full = self.full_name(name)
            return full if full and self._name_words(full) is not None else None
        if words is None or name in self._companies:
            return None
        if len(words) == 1 and before and before[-1].lower().strip(".") in _ROYAL:
            # "King Abdullah" after "King Abdullah II and his son, Crown Prince Hussein bin Abdullah": a ruler
            # named by a given name and a numeral, not a namesake whose name ends with it
            numbered = re.search(r"(?<![\w’'\-])" + re.escape(name) + r"\s+([IVX]{1,4})(?![\w’'\-])", self.text)
            if numbered:
                return f"{name} {numbered.group(1)}"
        full = self.full_name(words[-1], before) if len(words[-1]) > 1 else None
        # after an honorific, a listed name written surname first, unless the article names a namesake whose name
        # ends with the word first or who has spoken ("Mr Kim" after "the North's leader Kim Jong-un" is not the
        # diplomat "Sung Kim" named later; bare, a namesake's surname is theirs: "Ali tweeted" is Yashar Ali's)
        opened = self._opened(name) if len(words) == 1 and before and \
            all(w.lower().strip(".") in _HONORIFICS for w in before) else None
        if opened is not None and self.known(opened) is not None and \
                (full is None or full not in self.people and self.text.find(opened) < self.text.find(full)):
            # (a namesake who has spoken stays the one named, and an honorific of one sex names the one of that
            # sex: "Ms. Kim" is the think-tank fellow Hyun-ah Kim)
            sex = _sex_of(before[-1].lower().strip("."))
            if sex is None or self.gender(opened) == sex or \
                    self.gender(opened) is None and (full is None or self.gender(full) != sex):
                return opened
        if full and len(full.split()) > len(words) and full.lower().endswith(name.lower()) and _one_name(full, name):
            # (a particle in either case: "Van Beek" opening a sentence is "James van Beek")
            return full
        if len(words) >= 2:
            # "North Korea said", "Saudi Arabia said": a country's whole name is no person's
            return None if self.sides.is_place(name) else name
        # one word: a person when the article gives a fuller name, or a title stands before it in the mention
        if full and full != name:
            return full
        if all(w.lower().strip(".") in _HONORIFICS for w in before):
            # "Mr. Kim", "Ri said" after "North Korea's Kim Jong Un", "Foreign Minister Ri Yong-ho": bare or after
            # an honorific, a listed name written surname first (not "Prof. Kim", whose title is their own)
            opened = self._opened(name)
            if opened is not None and self.known(opened) is not None:
                return opened
        if before and before[-1].lower().strip(".") in self.roles.titles or \
                any(w.lower().strip(".") in self.roles.titles for part in self.context(name).split(" ; ")
                    for w in part.split()[-1:]):
            # "President Moon said", or "President Obama", "Mr. Kirby" elsewhere in the article: the person; a
            # family name written first is its full name ("Moon" of "President Moon Jae-in", whose given name
            # the article never writes alone)
            return self._family_first(name) or name
        # "Tiegan, a contractor who fought ...": a name the article describes as a person in an apposition
        if not self.sides.find(name):
            for m in self._occurrences(name):
                app = self._appositive_after(m.end(), surname_only=True)
                head = self._head(app) if app else ""
                if self.roles.people_noun(head):
                    return name
        # a first name alone ("Mara noted" after "NPR's Mara Liasson"): the one full name it opens
        opened = self._opened(name)
        if opened is not None:
            return opened
        # "said Dan, 35, a warehouse manager": an age after the name
        if re.search(r"(?<![\w’'\-])" + re.escape(name) + r",\s+\d{1,3},", self.text):
            return name
        return None

    def _title(self, word: str) -> bool:
        """Whether ``word``, written before a name, is a title or a role ("Mr.", "Sheriff", "adviser"; not the
        last word of a sentence, "News.")."""
        if word.endswith(".") and len(word) > 5:
            return False
        return word.lower().strip(".") in _HONORIFICS or self.roles.is_role_word(word) and \
            word.lower() not in _DETERMINER_WORDS | PREPOSITIONS

    def _titled_name(self, start: int, end: int) -> str | None:
        """The name of a person the article gives a title or a description, when the side's name written at
        ``start:end`` ends it here ("Scott Israel" for the "Israel" of "Sheriff Scott Israel", "William D.
        French"; not "Southern Israel"), else None."""
        name = _POSSESSIVE.sub("", self.text[start:end])
        full = self.full_name(name)
        if full is None or full == name or not self.text.startswith(full, start - len(full) + len(name)):
            return None
        return full if self._described_name(full) else None

    def _described_name(self, full: str) -> bool:
        """Whether the article writes the name-like ``full`` after a title or before a description of a person
        ("Sheriff Scott Israel", "Michael German, an analyst at the Brennan Center"), so that a word of it may
        name a place."""
        if full not in self._titled_names:
            after = (self._appositive_after(m.end()) for m in re.finditer(re.escape(full), self.text))
            heads = (self._head(app) for app in after if app)
            self._titled_names[full] = self._name_words(full, places=True) is not None and (any(
                self._title(w.group(1)) for w in re.finditer(r"([\w.]+) " + re.escape(full), self.text)) or any(
                self.roles.people_noun(head) or head in self.roles.titles for head in heads))
        return self._titled_names[full]

    def _place_person(self, name: str) -> str | None:
        """The person whose surname the place's name ``name`` is, when the article gives the person's full name a
        title or a description and names the side in no other way, nor any office holder the roles lexicon lists
        for it ("Israel said" in an article on Sheriff Scott Israel; not in one that names Benjamin Netanyahu),
        else None."""
        if name not in self._place_people:
            place = self.sides.is_place(name)
            named = [(a, b) for side, a, b in self._sides_named if side == place] if place and " " not in name else []
            people: set[str | None] = set()
            if named and all(_POSSESSIVE.sub("", self.text[a:b]) == name for a, b in named) and \
                    any(_CAPITALISED_BEFORE.search(self.text, max(0, a - 40), a) for a, _ in named):
                people = {self._titled_name(a, b) for a, b in named} - {None}
            alone = len(people) == 1 and not self._listed_for(place)
            self._place_people[name] = people.pop() if alone else None
        return self._place_people[name]

    def _listed_for(self, side: str) -> bool:
        """Whether the article names an office holder the roles lexicon lists for ``side``."""
        names = [n for n, (_, listed) in self.roles.people.items() if listed == side] + \
            [n for n, dated in self.roles.dated.items() if dated.side == side]
        return any(re.search(r"(?<![\w\-])" + re.escape(n) + r"(?![\w\-])", self.text) for n in names)

    def _opened(self, name: str) -> str | None:
        """The one full name of the article that the word ``name`` opens ("Mara" of "Mara Liasson", "Kim" of
        "Kim Jong Un", a given name of two words), or of several the one the roles lexicon lists; None when there
        is none or more than one."""
        if name not in self._given:
            self._given[name] = self._one_opened(name)
        return self._given[name]

    def _family_first(self, name: str) -> str | None:
        """The one full name that ``name`` opens, of a person of a country that writes the family name first,
        given a title in running text, when the rest of it is written nowhere alone nor in lower case ("Moon" of
        "South Korean President Moon Jae-in"; not "Scott" of "Democratic Rep. Scott Peters", nor "Trump" of a
        headline's "President Trump Says North Korea ..."), else None."""
        if name not in self._family:
            self._family[name] = self._find_family_first(name)
        return self._family[name]

    def _find_family_first(self, name: str) -> str | None:
        opened = self._all_opened(name)
        if len(opened) != 1 or self.known(name) is not None:
            return None  # "Defense Minister Kim" beside Kim Jong Un and Kim Yong Chol; "Trump" of "Trump Donald John"
        opened = opened[0]
        rest = opened[len(name):].split()
        if any(w.lower() in self._lower_words or self.roles.is_role_word(w) or w in _SENTENCE_WORDS for w in rest) or \
                self._written_alone(" ".join(rest), name):
            return None
        sides = {side for side, _, _ in self.sides.find(self.context(opened))} | {self.setting()}
        if not sides & _FAMILY_FIRST:
            return None
        for m in self._occurrences(opened):
            before = re.search(r"(\S+)\s+$", self.text[max(0, m.start() - 40):m.start()])
            line = self.text[slice(*self._line(m.start(), m.end()))]
            # after a title, in a line of running text (not a headline, whose words are all capitalised)
            if before and self._title(before.group(1)) and re.search(r"(?<![\w’'\-])[a-z]{4,}", line):
                return opened
        return None

    def _one_opened(self, name: str) -> str | None:
        # one person's name in several spellings ("Kim Jong-un", "Kim Jong Un", "Kim Jong-Un") is one name: the
        # spelling the roles lexicon lists, else the one written first
        spellings: dict[str, list[str]] = {}
        for g in sorted(self._all_opened(name), key=self.text.find):
            spellings.setdefault(g.replace("-", " ").lower(), []).append(g)
        given = [next((g for g in same if self.known(g) is not None), same[0]) for same in spellings.values()]
        if len(given) > 1:
            # "Mr. Kim" in an article that also names Kim Jong Il and Kim Yo Jong: the office holder the roles
            # lexicon lists, when it lists one of them
            given = [g for g in given if self.known(g) is not None]
        return given[0] if len(given) == 1 else None

    def _all_opened(self, name: str) -> list[str]:
        """The full names of the article that the word ``name`` opens, none part of another (read once per word)."""
        if name not in self._opened_by:
            self._opened_by[name] = self._read_opened(name)
        return self._opened_by[name]

    def _read_opened(self, name: str) -> list[str]:
        given = set()
        for m in re.finditer(r"(?<![\w’'\-])" + re.escape(name) + r"((?:\s+[A-Z][\w’'\-]+){1,2})(?![\w\-])", self.text):
            rest = _POSSESSIVE.sub("", m.group(1)).split()  # "Kim Jong Un's" is Kim Jong Un
            cands = [" ".join([name] + rest[:k]) for k in range(len(rest), 0, -1)]
            fit = next((g for g in cands if self._name_words(g) is not None and not _TIME_WORDS.search(g)), None)
            if fit is not None:
                given.add(fit)
        return _collapse(sorted(given))

    @functools.cached_property
    def _companies(self) -> frozenset[str]:
        """Names the article writes with a corporate suffix ("Harlow Outfitters Inc."): companies, no people."""
        return frozenset(m.group(1) for m in re.finditer(r"((?:[A-Z][\w’'&\-]*\s+){0,3}[A-Z][\w’'&\-]*),?\s+"
                                                         + _CORPORATE_SUFFIX, self.text))

    @functools.cached_property
    def _spelled_out(self) -> dict[str, str]:
        """The article's acronyms and the names they abbreviate: "NRA" -> "National Rifle Association", "DOJ" ->
        "Department of Justice", "ICE" -> "Immigration and Customs Enforcement" of "US Immigration and Customs
        Enforcement": the initials of a whole run of capitalised words (the small words between them counted or
        not; a leading "The", acronym or side's name dropped); a name followed by the acronym in brackets first,
        else the one written most often."""
        found: dict[str, collections.Counter[str]] = {}
        for m in _CAPITALISED_RUN.finditer(self.text):
            words = m.group(0).split()
            words[-1] = re.sub(r"[’']s$", "", words[-1])
            after = self.text[m.end():m.end() + 12]
            for i in range(len(words) - 1):
                part = words[i:]
                # (no acronym spells itself, "AP Photo", nor a possessive: "UN’s Syria envoy")
                for acronym in () if any(w.isupper() or _POSSESSIVE.search(w) for w in part) else _initials(part):
                    counts = found.setdefault(acronym, collections.Counter())
                    counts[" ".join(part)] += 100 if after.startswith(f" ({acronym})") else 1
                first, following = words[i], words[i + 1]
                if not (first in ("The", "the") or first.isupper() or self.sides.aliases.get(first.rstrip(".")) or
                        first.endswith(".") and first.replace(".", "").isupper()) or not following[:1].isupper():
                    break  # (only a leading "The", "US", "U.S." or "Iranian" is dropped, before a capital)
        return {acronym: names.most_common(1)[0][0] for acronym, names in found.items()}

    def spelled_out(self, name: str | None) -> str | None:
        """``name`` written in full where it is an acronym the article spells out ("NRA" -> "National Rifle
        Association"), else ``name``."""
        if name is None or not _ACRONYM_NAME.fullmatch(name):
            return name
        return self._spelled_out.get(name, name)

    def known(self, name: str) -> tuple[str, str | None] | None:
        """The type and side the roles lexicon gives ``name``: its ``terms:`` list of dated office holders (the
        type on the article's date, or the office's when it has none), else its ``people:`` list (the full name,
        or its surname when the list holds the surname alone); None when neither lists it."""
        dated = self._dated(name)
        if dated is not None:
            return (dated.type_on(self.date) if self.date is not None else dated.held), dated.side
        listed = self.roles.people
        return listed.get(name) or (listed.get(name.split()[-1]) if " " in name else None)

    def _dated(self, name: str) -> _Dated | None:
        """The person of the lexicon's ``terms:`` that ``name`` names: listed so, or a full name with the first
        word of one of their listed full names and the surname they are listed under alone ("Donald J Trump",
        "Barack Hussein Obama": the listed "Donald J. Trump", "Barack Obama"); else None."""
        dated = self.roles.dated.get(name)
        words = name.split()
        if dated is not None or len(words) < 2:
            return dated
        dated = self.roles.dated.get(words[-1])
        if dated is None or not any(n.split()[0] == words[0] for n, d in self.roles.dated.items()
                                    if d is dated and " " in n):
            return None
        return dated

    def _listed_side(self, name: str) -> str | None:
        """The side the roles lexicon gives ``name``, or None."""
        listed = self.known(name)
        return listed[1] if listed else None

    def context(self, full: str) -> str:
        """The titles the article gives the person ``full`` before each occurrence of the name or surname,
        and the appositive after the full name ("Michael Kugelman, director of ..."), joined by " ; "."""
        if full not in self._contexts:
            self._contexts[full] = self._read_context(full)
        return self._contexts[full]

    def _read_context(self, full: str) -> str:
        parts = []
        last = _surname(full)
        # "Noor al-Araji" is "Araji" later on: the surname without its article particle too
        bare_last = re.sub(r"^(?:[Aa]l|[Ee]l)-(?=[A-Z])", "", last)
        # the surname where it is part of a namesake's name ("first lady Melania Trump" for Donald Trump) or opens
        # another name ("North Korean leader Kim Jong Un" for Duyeon Kim) describes someone else, not this person
        theirs: list[tuple[int, int]] | None = None  # the namesakes' occurrences, read when first needed
        # a surname alone read as a person of their own ("Mr. Park" beside "economist Anna Park"; "President Trump"
        # beside "first lady Melania Trump": see full_name) is not described by the namesakes' full names, nor, when
        # no namesake is the surname alone, does it describe them
        own = " " not in full and bool(self._namesakes_of(full))
        alone = " " in full and bool(self._namesakes_of(last)) and self.full_name(last) is None
        for name in dict.fromkeys([full, last, bare_last]):
            for m in self._occurrences(name):
                if alone and name != full or own and (given := self._capital_before(m.start())) is not None and \
                        not self._title(given):
                    continue
                if name != full and _NAME_BEFORE.search(self.text, max(0, m.start() - 40), m.start()):
                    # (only a surname after a capitalised word can be a namesake's)
                    if theirs is None:
                        # (one generation of a family is not the other: "Donald Trump" beside "Donald Trump Jr.")
                        others = [p for p in self._namesakes_of(last) if not _one_name(p.lower(), full.lower())
                                  and not (_nickname(p.split()[0], full.split()[0])
                                           and is_generation(p.split()[-1]) == is_generation(full.split()[-1]))]
                        others = others if others and self._given_name(full) else []
                        theirs = [(o.start(), o.end()) for p in others for o in self._occurrences(p)]
                    if any(a <= m.start() < b for a, b in theirs):
                        continue
                if name != full and self._opens_other(m.end(), full):
                    continue
                title = self._title_before(m.start())
                parts.append(self._owner_named(title, m.start()))
                shared = _SHARED_TITLE.search(self.text, max(0, m.start() - 120), m.start())
                if shared:
                    parts.append(shared.group(1))  # "Reps. Peter King of New York and Patrick Meehan"
                held = _AS_ROLE.search(self.text, max(0, m.start() - 80), m.start())
                if held:
                    parts.append(held.group(1))  # "As governor of Massachusetts, William Weld supported"
                # (a surname alone is the principal namesake's: "Williams was appointed police chief" is Jeri
                # Williams's, not her son Alan Williams's)
                role = _PREDICATE_ROLE.match(self.text, m.end())
                if role and name != full and self._namesakes(last)[:1] != [full]:
                    role = None
                if role and (role.group(1) or role.group(4)) and self._predicate_role(role.group(3)):
                    # "Williams was appointed police chief in 2016", "Smith is a former police officer"; a role
                    # the person held until a time is a former one ("Hale was ambassador to Japan until 2015")
                    parts.append(("former " if role.group(2) else "") + role.group(3))
                appointed = _APPOINTED_ROLE.match(self.text, m.end()) if _APPOINTED.search(
                    self.text, max(0, m.start() - 60), m.start()) else None
                if appointed and self._predicate_role(appointed.group(1)):
                    parts.append(appointed.group(1))  # "it named Communist Party loyalist Miguel Díaz-Canel president"
                # "According to LaPierre, an arrogant elite wants ...": the clause after is no appositive, unless
                # a comma closes it ("According to Larry Meserve, USAID’s mission director, the group ...")
                according = re.search(r"\b[Aa]ccording\s+to\s+(?:[A-Z][\w’'\-.]*\s+){0,3}$",
                                      self.text[max(0, m.start() - 60):m.start()]) is not None
                parts.append(self._owner_named(self._appositive_after(m.end(), surname_only=name != full or
                                                                      " " not in full, comma_closed=according),
                                               m.start()))
                if name == full:
                    parts.append(self._owner_named(self._appositive_before(m.start(), m.end(), title), m.start()))
                    heads = _HEADS.match(self.text, m.end())
                    if heads:
                        # ("who served as ambassador": a role held in the past, as "formerly" says)
                        past = heads.group(1) or heads.group(2) == "served"
                        role = re.sub(r"^the\s+", "", heads.group(3)) if heads.group(2) else "head of " + heads.group(3)
                        parts.append(("former " if past else "") + role)
        # what the person leads, last: "the Trump administration", "Mr. Trump’s campaign"
        led = re.finditer(r"(?<![\w’'\-])" + re.escape(full.split()[-1]) + r"(?:’s|'s)?\s+(" + _LED + r")\b", self.text)
        parts.extend(dict.fromkeys(m.group(1).lower() for m in led))
        return " ; ".join(p for p in parts if p)

    def _predicate_role(self, phrase: str) -> bool:
        """Whether a predicate after a name is a role: a noun phrase whose head, before the body it is held in, is
        a title or a role term ("police chief", "president of the Parents Television Council"), with no verb
        or adverb in it ("communicating with investigators", "not yet a spokesperson")."""
        parts = re.split(r"\s(?:of|for|at|to|with|in)\s", phrase, maxsplit=1)
        head = parts[0].split()
        if any(w in _NO_ROLE_WORDS or w in PREPOSITIONS or w in DETERMINERS or w.endswith(("ing", "ed", "en", "ly"))
               for w in head):
            return False  # (nor "under a multi-count indictment", "seen on surveillance video", "no friend of")
        if head[-1] in ("author", "writer") or len(parts) > 1 and head[-1] in _HELD_IN_BODIES and \
                self.roles.type_of(parts[1]) is None and not self.sides.find(parts[1]):
            return False  # "president of NeverAgain SoCal", "author of Russia and the Idea of the West": no office
        return head[-1] in self.roles.titles or any(
            b == len(" ".join(head)) and typ not in ("civilian", "document", "unknown")
            for _, b, typ, _ in self.roles.matches(" ".join(head)))

    def _given_name(self, full: str) -> bool:
        """Whether the first word of ``full`` is a given name: not an owner ("Georgetown’s Fair"), a place ("Michigan
        Trump" of a headline) or a surname the article gives someone else ("Schumer Trump" of glued link text
        after "Chuck Schumer")."""
        words = full.split()
        first = words[0]
        return len(words) > 1 and not first.endswith(("’s", "'s")) and not self.sides.is_place(first) and \
            re.search(r"[A-Z][\w’'\-]*\s+" + re.escape(first) + r"(?![\w\-])(?!\s+[A-Z])", self.text) is None

    def _owner_named(self, part: str, at: int) -> str:
        """``part``, a title or a description, with a body it names by its head word alone as the article names it
        before ``at`` ("the agency’s director-general" after "the International Atomic Energy Agency": the IAEA's
        director-general, whose type and side are the agency's)."""
        owner = re.match(r"(?i:the|its)\s+([a-z]+)(’s|'s)\s", part)
        if owner is None or self._naming_owner:
            return part
        self._naming_owner = True  # (a body's own name is read without this step)
        try:
            body = self._named_body(owner.group(1), at, (0, len(self.text)))
        finally:
            self._naming_owner = False
        if body is None or not body.source or self.sides.is_place(body.source) == body.source:
            return part  # (nor a side itself: "the union’s president" of steelworkers is no European Union's)
        named = self.text.rfind(body.source, 0, at)
        between = self.text[named + len(body.source):at] if named >= 0 else ""
        if re.search(r"(?i)(?<![\w\-])" + re.escape(owner.group(1)) + r"s?\b(?!’s|'s)", between):
            return part  # "council members voted ... The council’s president": a body the text names otherwise
        return body.source + owner.group(2) + " " + part[owner.end():]

    def _opens_other(self, end: int, full: str) -> bool:
        """Whether the surname of ``full`` that ends at ``end`` opens another person's name the article gives ("Kim
        Jong Un" beside Duyeon Kim, "Ali Khamenei" beside Yashar Ali; not a listing of the same name inverted,
        "Trump Donald John" for Donald J. Trump, nor a day: "President Trump Monday")."""
        if not re.match(r"[ \t]+[A-Z]", self.text[end:end + 3]):
            return False  # (no capitalised word follows: the names it opens need not be read)
        last = full.split()[-1]
        given = full.split()[0]
        return any(given not in other.split() and self.text.startswith(other[len(last):], end)
                   for other in self._all_opened(last))

    def _title_before(self, pos: int) -> str:
        window = self.text[max(0, pos - 120):pos]
        tokens = list(re.finditer(r"[^\s]+", window[window.rfind("\n") + 1:]))  # a title stays in its line
        keep = []
        for n, t in enumerate(reversed(tokens)):
            tok = re.sub(r"(?i)^(?:then|now)-", "", t.group(0))  # "Then-Capt. Kathleen Wilder"
            core = _role_core(_POSSESSIVE.sub("", tok))
            # an acronym with full stops that names a body ("F.B.I. Director James B. Comey")
            initials = bool(_INITIALS.fullmatch(_POSSESSIVE.sub("", tok))) and bool(self.roles.matches(tok))
            if re.fullmatch(r"[A-Z]\.", tok):  # an initial of the name ("Sgt. W. Patrick Swanton")
                keep.insert(0, tok)
                continue
            if keep and keep[0].lower().strip(".") in _HONORIFICS or tok in _CAPTION:
                break  # "Mr." opens the title: "told the Times Mr. Trump" gives Trump no "Times"; a caption's
                # credit is no title: "AP Photo Tillerson"
            k = len(tokens) - 1 - n
            if core in ("to", "of", "for", "at") and not keep:
                break  # the name is the object of a preposition right before it: "Supporters of Maduro"
            if core in ("to", "of", "for", "at") and k > 0 and \
                    _POSSESSIVE.sub("", tokens[k - 1].group(0)).strip(".").lower() in self.roles.role_words:
                keep.insert(0, tok)  # "ambassador to the United Nations Nikki Haley"
                continue
            if core == "and" and keep and k > 0 and self.sides.is_place(_POSSESSIVE.sub("", keep[0])) and \
                    self.sides.is_place(tokens[k - 1].group(0)):
                keep.insert(0, tok)  # "ambassador to Iraq and Turkey James Jeffrey"
                continue
            if tok.endswith((",", ";", ":", ".", "”", "\"", ")")) and not tok.endswith(("’s", "'s")) and \
                    (core not in self.roles.titles or tok.endswith(".") and tok[:1].islower()) and \
                    not (tok.endswith(".") and (self.sides.is_place(tok) or is_name_abbreviation(tok) or
                                                initials)):
                break  # a sentence ends ("... his head. Soon"); an abbreviated title or name does not ("Gen.",
                # "St. Louis County Police Chief")
            if self.roles.terms.get(core, ("", False))[0] == "document" and tok[:1].islower():
                break  # a document is no title: "authorities' photos of Tsarnaev"
            if (core in self.roles.role_words or core in _PRE_MODIFIERS or self.sides.is_place(_POSSESSIVE.sub("", tok))
                    or (tok[:1].isupper() and _NAME_WORD.match(_POSSESSIVE.sub("", tok)))
                    or initials):
                keep.insert(0, tok)
                if len(keep) >= 8:
                    break
                continue
            break
        # a fragment that opens with a preposition ("... strategy for Afghanistan John Boehner") is no title
        while keep and keep[0].lower() in _TITLE_PREPOSITIONS:
            keep.pop(0)
            while keep and self.sides.is_place(_POSSESSIVE.sub("", keep[0])):
                keep.pop(0)
        # "ambassador to Turkey James Jeffrey": a place after a preposition is not the person's side
        first_kept = len(tokens) - len(keep)
        if keep and first_kept > 0 and tokens[first_kept - 1].group(0).lower() in _TITLE_PREPOSITIONS:
            while keep and self.sides.is_place(_POSSESSIVE.sub("", keep[0])):
                keep.pop(0)
        # the name's own first words are not a title
        while keep and keep[-1][:1].isupper() and keep[-1].lower().strip(".") not in self.roles.role_words \
                and not keep[-1].endswith(("’s", "'s")) \
                and not self.sides.is_place(_POSSESSIVE.sub("", keep[-1])):
            keep.pop()
        if len(keep) == 2 and keep[0].lower() in ("a", "an"):
            return ""  # "a President O'Reilly would ...": an office imagined, not held
        if keep and keep[-1].lower() in _TITLE_PREPOSITIONS and (len(keep) < 2 or (
                keep[-2].islower() and self.roles.type_of(_role_core(keep[-2])) in (None, "civilian"))
                or self.roles.followers_noun(keep[-2].lower())):
            return ""  # "the FBI arrest of Stone", "supporters of Maduro": what was done to the person or who
            # stands by them, no title of theirs (not "U.S. attorney for the District of" before "Columbia Joseph
            # diGenova", a body's name cut off)
        return " ".join(keep)

    def _appositive_before(self, start: int, end: int, title: str = "") -> str:
        """The description set off by commas before a name ("Ms. Merkel's spokesman, Steffen Seibert, told",
        "the head of the National Rifle Association, Wayne LaPierre, attacks"; "..., said the group's spokesman,
        Ali Reza."), or "" when there is none; ``title`` is the title written right before the name, read past
        ("The head of Egypt's armed forces, Gen. ...")."""
        closed = re.match(r"\s*,", self.text[end:end + 3]) is not None
        if not closed and not re.match(r"\s*(?:[.!?](?:\s|$)|$)", self.text[end:end + 3]):
            return ""
        titled = bool(title) and re.search(re.escape(title) + r"\s+$",
                                           self.text[max(0, start - len(title) - 3):start]) is not None
        if titled:
            # "The head of Egypt's armed forces, Gen. Abdel Fatah al-Sissi,": the description before the title (a
            # short one: not the clause before "The very day the last US troops left Iraq, Prime Minister ...")
            start = self.text.rfind(title, 0, start)
        m = re.search(r"(?:^|[.;:“”\"(\n]|,)\s*([^,.;:“”\"()\n]{3,100}|(?:[^,.;:“”\"()\n]|(?<=\b[A-Z][a-z])\.|"
                      r"(?<=\bM[rs])\.|(?<=\bMrs)\.|(?<=\b[A-Z])\.(?=[A-Z]\.|\s+[a-z])|(?<=\b[A-Z]\.[A-Z])\.){3,100}),\s*$",
                      self.text[max(0, start - 140):start])
        phrase = m.group(1).strip() if m else ""
        cue = _INVERTED_CUE.match(phrase)
        if cue:
            phrase = phrase[cue.end():]
        if not closed:
            # a name that ends the sentence is described only by an attribution's inverted speaker before it
            # ("..., said the group's spokesman, Ali Reza."; not a list's or another person's description:
            # "Kim Il Sung, the founder of North Korea and grandfather of its current leader, Kim Jong Un.")
            return self._described_by(phrase) if cue else ""
        if not m or len(phrase.split()) > 6:
            # a clause before: the noun phrase from its determiner, not one inside a prepositional phrase
            # ("... were denounced by the president of the Buffalo Police Benevolent Association, John Evans,"), or
            # a long description that opens the sentence ("The deputy secretary general at the Arab League, Ahmad
            # bin Hilli, condemned"); after a title, only a description (not the clause of "The very day the last
            # US troops left Iraq, Prime Minister ...")
            m = re.search(r"(?<!\bof\s)(?<!\bfor\s)(?<!\bat\s)(?<!\bin\s)(?<!\bon\s)(?<!\bto\s)(?<!\bfrom\s)"
                          r"(?<!\bwith\s)\b((?:the|a|an)\s[^,.;:“”\"()\n]{3,100}),\s*$", self.text[max(0, start - 140):start])
            if m:
                phrase = m.group(1)
            elif not (re.match(r"(?:The|An?)\s", phrase) and not re.search(r"\b[a-z]+ed\b", phrase)):
                return ""
            if (titled or not m) and not self._description(phrase):
                return ""
        elif phrase.split(" ", 1)[0].lower() in _ADVERBIAL_OPENERS or titled and not self._description(phrase):
            return ""  # an adverbial phrase that opens the sentence describes no one: "Before dawn Tuesday, Juan Guaido"
        return self._described_by(phrase)

    def _description(self, phrase: str) -> bool:
        """Whether ``phrase`` is a description, no clause: no verb of a clause in it, no participle or preposition
        opening it, and a title or role term among its first three words ("the commander-in-chief of the Egyptian
        armed forces"; not "Speaking to reporters", "The very day the last US troops left Iraq")."""
        words = phrase.split()
        if not words or _FINITE.search(phrase) or re.match(r"\w+(?:ing|ed)\s", phrase) or \
                any(w.lower() in _SUBORDINATORS or w.lower() in IRREGULAR_PAST for w in words):
            return False  # a verb or a subordinate clause: "A day after the Taliban commander surrendered"
        if any(_role_core(w) in self.roles.titles and k + 1 < len(words) and words[k + 1][:1].isupper()
               and not self.roles.is_role_word(words[k + 1])
               and not self.sides.is_place(_POSSESSIVE.sub("", words[k + 1]))
               and not any(v.lower() in PREPOSITIONS for v in words[max(0, k - 2):k]) for k, w in enumerate(words)):
            # a title before a name, in a clause: "The day President Putin came to power" (not a title of several
            # words, "The President Pro Tempore of South Carolina's Senate", nor one after a preposition, "A
            # spokesman for interim President Adly Mansour")
            return False
        return words[0].lower() not in _ADVERBIAL_OPENERS and (
            any(_role_core(w) in self.roles.titles for w in words[:3])
            or any(a < len(" ".join(words[:3])) for a, _, _, _ in self.roles.matches(phrase)))

    def _described_by(self, phrase: str) -> str:
        """``phrase`` when a role term other than a document's describes a person by it, else ""."""
        return phrase if any(t[2] != "document" for t in self.roles.matches(phrase)) else ""

    def _appositive_after(self, pos: int, surname_only: bool = False, comma_closed: bool = False) -> str:
        """The noun phrase set off by commas after a name ("Michael Kugelman, director of ...", "Dan, 35, a
        warehouse manager"), or "" when a clause follows ("LaPierre, repeatedly attacks ..."); after a surname
        alone only a phrase that opens with an article and names a role ("Wilder, a former ... officer");
        with ``comma_closed``, only a phrase that a comma ends (after "According to Meserve," the main clause
        follows: "an arrogant elite wants ..." is none)."""
        rest = self.text[pos:pos + 200]
        if rest.startswith(" ,"):
            rest = rest[1:]  # "Wayne LaPierre , the executive vice president of the NRA"
        age = re.match(r",\s+\d{1,3}(?=,)", rest)
        if age:
            rest = rest[age.end():]
        home = re.match(r"\s+(?:of|in)\s+(?:[A-Z][\w’'\-]+\s?){1,3}(?=,)", rest)
        if home and (not surname_only or self.sides.find(home.group(0))):
            # "Bob Corker of Tennessee, the ranking Republican on ...", "Ahmed Rashid in Lahore, a journalist"
            rest = rest[home.end():]
        m = re.match(r",\s+((?:[^,.;:“”\"()]|(?<=\b[A-Z])\.|" + _ABBREVIATED + r")+)", rest)
        if not m or len(m.group(1)) < 3 or comma_closed and not rest[m.end():].startswith(","):
            return ""
        phrase = m.group(1)[:140].strip()
        words = phrase.split()
        first = words[0]
        # a role among its first words ("director of ...", "a federal judge"), not a document ("one day after
        # his speech at the United Nations")
        # (or at the end of its first noun phrase: "a former New York City police commissioner")
        noun_phrase = next((k for k, w in enumerate(words) if w in PREPOSITIONS or w in ("who", "which", "that")),
                           len(words))
        role = any(t[2] != "document" for t in self.roles.matches(" ".join(words[:max(5, min(noun_phrase, 10))]))) \
            or _role_core(first) in self.roles.titles and len(words) > 1  # "head of Greece's ... Board"
        if surname_only:
            return phrase if first.lower() in ("a", "an", "the") and role else ""
        if first.lower().endswith("ly") or (first.islower() and not self.roles.matches(first) and (
                first.endswith("ed") or first in _CLAUSE_VERBS)):
            return ""  # "Goldberg, told CNN ...": a verb opens a clause, not an appositive
        # "Kim Jong Un, Turkey’s Recep Tayyip Erdogan and Russia’s Vladimir Putin are among ...": names joined by
        # "and" before a verb are the subjects of a clause, no description of the first
        listed = re.search(r"\s(?:and|&)\s[^,]*?\b(?:are|were|have)\s", phrase)
        relative = re.search(r"\b(?:who|whose|which|that)\s", phrase)
        if listed and (relative is None or listed.start() < relative.start()):
            return ""
        if re.match(r"(?i)in\s+(?:his|her|their)\s+(?:\w+\s+)?book\b", phrase):
            return "author of a book"  # "Francis Fukuyama, in his book The End of History, argued"
        if role or self.sides.is_place(_POSSESSIVE.sub("", first)) \
                or re.match(r"who\s+(?:served|serves|worked|works|was|is|heads|leads|had\s+been|became|runs|ran|"
                            r"founded|co-founded|directs|directed|chairs|chaired|teaches|taught)\s", phrase):
            return phrase
        return ""

    # ---- one mention
    def fuller_span(self, span: tuple[int, int], sentence: tuple[int, int], cue: int) -> tuple[int, int]:
        """The speaker span, moved to the phrase that names the source best:

        * a description set off after a person's name is that person: "Hillary Clinton, who as first lady
          once accused", "Justin Trudeau—a man who has admitted", "Athanassios Binis, head of Greece's Air
          Accident Investigation and Aviation Safety Board, later told" -> the name;
        * a description followed by the name it describes: "North Korea’s main ally, China, urged" -> China;
        * unnamed people cut off before a preposition: "both parties" in "lawmakers from both parties have
          criticized" -> "lawmakers from both parties", "the left" in "those on the left say";
        * a place that ends a title before the name, cut off with it: "the United States Sergey Kislyak" of
          "Russian Ambassador to the United States Sergey Kislyak said" -> "Sergey Kislyak".
        """
        text = self.text
        a, b = span
        mention = text[a:b].strip()
        to = re.search(r"([\w\-]+)\s+to\s+$", text[sentence[0]:a])
        if re.match(r"(?i)the\s", mention) or to and self.roles.is_role_word(to.group(1)):
            words = re.sub(r"(?i)^the\s+", "", mention).split()
            place = self._leading_place(words, 2)
            if place and not any(self.roles.is_role_word(w) or not w[:1].isupper() for w in words[place:-1]) and \
                    self.person(" ".join(words[place:])) is not None:
                return b - len(" ".join(words[place:])), b
        if mention.lower() in ("a", "an", "the", "one"):
            # a determiner alone ("an" of "an IS militant is also seen threatening"): its noun phrase
            m = re.match(r"\s+((?:[\w’'\-.]+\s+){0,3}?[\w’'\-]+)(?=\s+(?:is|was|has|had|have|are|were|also|who|"
                         r"then|later|\w+ed|\w+s)\b)", text[b:max(b, cue)])
            if m is not None:
                return a, b + m.end(1)
        before = text[sentence[0]:a]
        # (a name that opens the sentence or a clause after a comma, not a preposition's object nor a place: "in
        # the Middle East, the Israeli leader warned"; a description of a person's role, not a body: "city of
        # Benghazi, the White House confirmed")
        named = re.search(r"(?:^|,\s+)" + _NAME_RUN + r",\s+$", before) \
            if re.match(r"(?i)(?:the|an?)\s", mention) and "," not in mention \
            and self.roles.people_noun(self._head(mention)) else None
        full = self._named_person(named.group(1), sentence[0] + named.start(1), sentence[0] + named.end(1)) \
            if named is not None else None
        if full is not None and " " in full and not _TIME_WORDS.search(named.group(1)):
            # "Avery Gardner, the co-director of the Alliance to End Street Violence told": a description that no
            # comma closes describes the person named before it (one the article names in full: not "Further, an
            # official said")
            return sentence[0] + named.start(1), sentence[0] + named.end(1)
        if mention[:1].isupper() and re.search(r"[A-Z][\w’'\-]*\s+(?:to|for|against|of|on|in)\s+$", before):
            # "Avery Gardiner, the co-president of the Brady Center to Prevent Gun Violence told": the words
            # after "to" end the name of a body, which describes the person named before it
            m = re.search(_NAME_RUN + r",\s+(?:the|a|an)\s+[^,;:“”\"()]{0,120}$", before)
            if m is not None and self.person(m.group(1)) is not None and not _TIME_WORDS.search(m.group(1)):
                return sentence[0] + m.start(1), sentence[0] + m.end(1)
        if not mention or mention.lower() in _PRONOUNS or self.person(mention) is not None:
            return span
        status = re.search(r"(?i)(?<![\w\-])(?:(?:the|some|many|several|other)\s+)?" + _STATUS + r"\s+(?:and|or)\s+$",
                           before)
        if status is not None and re.match(_STATUS + r"\s", mention, re.IGNORECASE):
            # "current and former officials told": both, not the former ones alone
            return sentence[0] + status.start(), b
        joined = re.search(r"((?:[A-Z][\w’'\-]*,?\s+)(?:(?:[A-Z][\w’'\-]*|of|for),?\s+){0,6}(?:and|&)\s+)$", before)
        if joined is not None and mention[:1].isupper() and not re.search(
                r"(?i)\b(?:at|of|from|with|for|in|and|&)\s+(?:the\s+)?$", before[:joined.start(1)]):
            # "Immigration and Customs Enforcement said", "Health and Human Services said": a body whose name
            # holds "and", cut at it by the attribution, when the lexicon knows the whole name
            whole = (sentence[0] + joined.start(1), b)
            if any(a0 < joined.end(1) - joined.start(1) < b0 for a0, b0, _, _ in self.roles.matches(text[whole[0]:b])):
                return whole
        after = text[b:max(b, cue)]
        closes = re.fullmatch(r"\s*,\s*(?:[a-z]+ly\s+|later\s+|also\s+|then\s+|on\s+\w+day\s+)*", after) is not None
        described = mention[:1].islower() or mention.split()[-1][:1].islower() or \
            re.match(r"(?:the|a|an)\s", mention, re.IGNORECASE) is not None
        # a description names no one: no capitalised word after its first ("Iran’s Nour News agency" does)
        unnamed = not any(w[:1].isupper() for w in mention.split()[1:])
        if described and unnamed or closes:
            m = re.search(_NAME_RUN + r"(?:\s*(?:,\s*(?:who\s+(?:as\s+)?)?|[—–]\s*))$", before) \
                if described and unnamed else None
            if m is None and closes:
                m = re.search(_NAME_RUN + r",\s+[^,;:“”\"()]{0,90}$", before)
            if m is not None and self.person(m.group(1)) is not None and not _TIME_WORDS.search(m.group(1)):
                return sentence[0] + m.start(1), sentence[0] + m.end(1)
        if described:
            # (with the body or place the description names: "said Israel's ambassador to the United States,
            # Michael Oren.")
            m = re.match(r"(?:\s+(?:to|of|for|at|in)\s+(?:the\s+)?(?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w.’'\-]*)?,\s+"
                         r"(?:\d{1,3}-year-old\s+)?" + _NAME_RUN + r"(?:,|(?=[.;:!?”\"]|\s*$))",
                         text[b:min(b + 120, sentence[1])])
            if m is not None and b + m.end() <= cue and m.group(0).endswith(",") \
                    and (self.sides.is_place(m.group(1)) or self.person(m.group(1))):
                return b + m.start(1), b + m.end(1)
            if m is not None and a > cue and self._names_described(mention, m, b, cue):
                return b + m.start(1), b + m.end(1)
        heads = self.roles.anonymous_heads
        m = re.search(r"(?<![\w\-])([A-Za-z][\w\-]*)\s+(?:at|of|from|with|for|in)\s+"
                      r"(?:(?:the\s+)?[A-Z][\w’'.&\-]*\s+(?:(?:and|&)\s+)?){0,6}$", before)
        if m is not None and not mention[:1].islower() and m.group(1).lower() in heads:
            # "analysts at MSNBC and Fox News spoke", "officials at the State Department said": the unnamed
            # people of the body the attribution gave, with the people listed before them ("Hosts,
            # contributors, and analysts") and their determiner
            lo = m.start(1)
            while True:
                k = re.search(r"(?<![\w\-])([A-Za-z][\w\-]*)(?:,\s+(?:and\s+)?|\s+and\s+)$", before[:lo])
                if k is None or not (k.group(1).lower() in heads or self.roles.matches(k.group(1))):
                    break
                lo = k.start(1)
            d = re.search(r"(?i)(?<![\w\-])(?:the|some|many|other|several|two|three|four|five)\s+$", before[:lo])
            return sentence[0] + (d.start() if d else lo), b
        if mention[:1].islower():
            m = re.search(r"(?i)(?<![\w\-])((?:(?:the|some|many|other|several)\s+)?(?:[\w\-]+\s+)?([\w\-]+)\s+"
                          r"(?:and|or)\s+(?:[\w\-]+\s+)?)$", before)
            if m is not None and m.group(2).lower() in heads:
                # "Some Republicans and right-leaning blogs have criticized": the unnamed people joined
                return sentence[0] + m.start(1), b
            m = re.search(r"(?i)(?<![\w\-])((?:(?:the|some|many|other|several)\s+)?(?:(?!(?:which|who|that|and|but)\s)[\w\-]+\s+)?"
                          r"([\w\-]+)\s+"
                          r"(?:from|of|at|on|in|across)\s+(?:[\w\-]+\s+(?:and|or)\s+)?)$", before)
            if m is not None and m.group(2).lower() in self.roles.anonymous_heads:
                return sentence[0] + m.start(1), b
        return span

    def _names_described(self, description: str, m: re.Match[str], b: int, cue: int) -> bool:
        """Whether the name ``m`` matched after the description ``description`` (ending at ``b``, after the cue at
        ``cue``) names the person it describes: a person's name that ends the sentence or is set off by a comma
        before an apposition ("said his mother, Jane Smith", "said the NSC spokeswoman, Caitlin Hayden, adding",
        "said a witness, Sarah Lee, 34, who"); not a place ("said a resident of Aleppo, Syria"), a city before its
        state ("the mother of one victim, Sandy Hook, Connecticut"), the person a description's last noun names
        ("a lawyer for the family of the victim, Breonna Taylor") nor the subject of the clause "according to"
        opens ("According to the man, Roberts, whose rifle was jamming, fled")."""
        name = m.group(1)
        if self.sides.is_place(name) or self.person(name) is None:
            return False
        if m.group(0).endswith(","):
            if self.text[cue:cue + 9].lower() == "according" or not re.match(r"\s*(?:[a-z]|\d)", self.text[b + m.end():]):
                return False
        last = re.search(r"\s(?:of|for|to)\s+(?:(?:the|a|an|one|his|her|their)\s+)?(?:[a-z\-]+\s+)?([a-z]+)$",
                         description + m.group(0)[:m.start(1)].split(",")[0])
        # (but one of the people the description names is the one named: "said one of the protesters, Naesha Pierce")
        partitive = re.match(r"(?i)(?:one|another)\s+of\s+(?:the|his|her|their)\s+[a-z\-]+$", description) is not None
        return partitive or not (last and self.roles.people_noun(last.group(1)))

    def coordinated_subject(self, sentence: tuple[int, int], cue: int) -> tuple[int, int] | None:
        """The subject of the first of two coordinated verbs, for a cue that is the second ("Senate leader
        Charles E. Schumer of New York celebrated their return but warned that ..." -> Charles E. Schumer): a
        person's name or "He", "She", "They" that opens the sentence (after an introductory phrase and titles) and
        is followed by a verb, when "and" or "but" stands right before the cue or before a time ("but at the same
        time blamed", "and, on Monday, announced"); None otherwise."""
        # the sentence as found may start inside the name ("E. Schumer ..."): read from the line's start
        line = self.text.rfind("\n", 0, sentence[0]) + 1
        start, prev = sentence[0], self.text[line:sentence[0]]
        if re.search(r"(?:^|\s)[A-Z]\.\s*$", prev):
            ends = [m.end() for m in re.finditer(r"[.!?][”\"]?\s+(?=[A-Z])", prev)
                    if not re.search(r"(?:^|\s)[A-Z]$", prev[:m.start()])]
            start = line + (ends[-1] if ends else 0)
        clause = self.text[start:cue]
        # "President Trump, meanwhile, commented on the shooting, saying ...": a participle after a comma
        participle = re.search(r",\s*$", clause) is not None and re.match(r"[a-z]+ing\b", self.text[cue:]) is not None
        if not participle and not re.search(r"\b(?:and|but),?\s+(?:(?:also|then|later)\s+|\w+ly\s+)?"
                                            + _TIME_BETWEEN + r"$", clause):
            return None
        lead = re.search(r"(?:^|[.!?][”\"]?\s+)((?:[^,.;:“”\"]{0,60},\s*)?)", clause)
        # the name opens the sentence after an introductory phrase ("In a statement, ..."), or is itself
        # set off by commas before its verb ("President Trump, meanwhile, commented")
        for opening in dict.fromkeys([lead.end() if lead else 0, lead.start(1) if lead else 0]):
            for m in re.finditer(r"(?:[A-Z][\w’'\-]*\.?\s+){0,3}[A-Z][\w’'\-]+", clause):
                if m.start() < opening:
                    continue
                if self.person(m.group(0)) is None and self.known(m.group(0)) is None and \
                        m.group(0) not in _SUBJECT_PRONOUNS_CAPITALISED:
                    continue  # (a person the article names, one the roles lexicon lists, or a pronoun)
                before = clause[opening:m.start()]
                after = clause[m.end():]
                if re.fullmatch(r"(?:[\w.’'\-]+\s+){0,5}", before) and re.match(
                        r"(?:\s+(?:of|from)\s+(?:[A-Z][\w.’'\-]*\s*){1,3})?(?:\s*,[^,]{0,80},)?\s+(?:\w+ly\s+)?"
                        r"(?:[a-z]+(?:ed|s)|" + _IRREGULAR_PAST + r")\b", after):
                    return start + m.start(), start + m.end()
                break
        return None

    def name_before_clause(self, span: tuple[int, int], cue: int) -> tuple[int, int]:
        """``span`` without what a walk over its words took in after a name ("Trump broke", "Mr. Tonnesen left",
        "Macron meanwhile", "Abe on Friday": :func:`_clause_word`), when the name is a person, a place or a body the
        article or the lexicons know and the word cut is no noun of the lexicon before no object ("Trump allies",
        "Houthi rebels", "U.N. estimates" stay); and, for a phrase that ends in a subject pronoun right before the
        cue at ``cue`` ("Earlier he’d said", "a theme he repeated"; not "Emails she sent show"), the pronoun alone.
        Else ``span``."""
        text = self.text
        words = list(_PHRASE_WORD.finditer(text, span[0], span[1]))
        if len(words) < 2:
            return span
        last = words[-1]
        if re.fullmatch(r"(?i)(?:he|she|they)(?:[’'](?:d|ll|s|ve|re))?", last.group(0)) and \
                words[-2].group(0).lower() not in ("and", "or", "nor") and (
                    _BEFORE_VERB.fullmatch(text, span[1], max(span[1], cue)) or self._clause_goes_on(span[1], cue)):
            return last.start(), last.end()
        n = 0
        while n < len(words) and words[n].group(0)[:1].isupper():
            n += 1
        if not 0 < n < len(words) or words[n - 1].group(0).endswith(("’s", "'s", "’", "'")) or \
                not words[n].group(0)[:1].islower() or "(" in text[span[0]:words[n].start()] or \
                re.search(r"\b[A-Z][\w’'.\-]*\s+[A-Z]", text[words[n].start():span[1]]):
            return span  # (not where a name follows what is cut: "U.S. first lady Michelle Obama")
        word, after = words[n].group(0), text[words[n].end():]
        low, singular = word.lower(), _singular(word.lower())
        if low.endswith("s") and (low in self.roles.anonymous_heads or singular in self.roles.anonymous_heads or
                                  self.roles.is_role_word(singular) or self.roles.type_of(singular) is not None and
                                  _next_word(after) not in _OBJECT_WORDS):
            return span  # (a noun of the lexicon: "Trump officials", "Houthi rebels"; a document's before no
            # object: "U.N. estimates suggest", not "Russia claims it")
        following = words[n + 1].group(0).lower() if n + 1 < len(words) else None
        if following is not None and low in REPORTING_VERBS and (
                low in IRREGULAR_VERBS or following in DETERMINERS or number_word(following) or following.isdigit()):
            return span  # (what a verb of saying says may hold the cue's subject: "LaPierre said studies show",
            # "NATO said this image shows"; not "Syria denies ever", "Obama praises arrest in Boston")
        name = text[span[0]:words[n - 1].end()]
        opener = words[0].group(0).rstrip(".")
        if not _clause_word(word, after) or opener in _SENTENCE_WORDS and opener not in ("Mr", "Mrs", "Ms", "Dr") \
                or not (self.person(name) or self.sides.find(name) or self.roles.type_of(name) or self.known(name)):
            return span  # (no name known: "Seconds later police", "Security forces themselves", "Most notably")
        return span[0], words[n - 1].end()

    def _clause_goes_on(self, end: int, cue: int) -> bool:
        """Whether the cue at ``cue`` goes on the clause that starts at ``end``: a verb coordinated with its verb
        ("and suggested") or a participle after it (", noting", "-- and urging", "by asking")."""
        m = _CLAUSE_BEFORE.fullmatch(self.text, end, max(end, cue))
        return m is not None and (m.group("participle") is None or re.match(r"\w+ing\b", self.text[cue:cue + 30]))

    def first_of_joint(self, span: tuple[int, int], sentence: tuple[int, int]) -> tuple[int, int]:
        """Speakers who speak jointly are the first one named: "Sen. Jane Moss and Rep. Paul Hart asked",
        "Vice President Biden and other Democrats have said", "Barack Obama, Hillary Clinton, and Senate Democrats
        went on, calling for" -> the span of the first person; ``span`` when no person's name and "and" stand
        right before it."""
        base = max(sentence[0], span[0] - 120)
        m = _JOINT.search(self.text[base:span[0]])
        if m is None:
            return span
        # ("Both Kelly and Bloomberg noted": the word that counts them is no part of the first name)
        lead = re.match(r"(?:Both|Either|Neither)\s+", m.group(1))
        start = m.start(1) + (lead.end() if lead else 0)
        name = m.group(1)[lead.end() if lead else 0:]
        # (or a body the roles lexicon types: "Hezbollah and Syrian officials blamed"; not a country, nor a name a
        # preposition governs: "residents of the Pentagon and officials")
        body = self.roles.type_of(name) is not None and not self.roles.office_holder(name) and \
            not re.search(r"(?i)\b(?:of|in|from|at|for|with|to|by)\s+(?:the\s+)?$", self.text[base:base + m.start(1)])
        if self.person(name) is None and not body:
            return span
        return base + start, base + m.end(1)

    def partners(self, span: tuple[int, int], sentence: tuple[int, int]) -> int | None:
        """Where a list of countries that speak together with the speaker at ``span`` starts ("China and Russia
        asked", "Britain, France and Germany said", "U.S. and Japanese officials said"), when the speaker is of
        a country too and not of theirs all; None otherwise (nor a list a preposition governs: "talks between
        India and Pakistan")."""
        m = _PARTNERS.search(self.text, max(sentence[0], span[0] - 120), span[0])
        if m is None or _GOVERNED.search(self.text, max(sentence[0], m.start() - 12), m.start()):
            return None  # (read first: most speakers have no list before them)
        own = self.sides.is_place(self.text[span[0]:span[1]]) or self.side_of(self.text[span[0]:span[1]])
        if own is None or self.sides.kinds.get(own) != "country":
            return None
        named = [self.sides.is_place(item) for item in re.split(r",\s+|\s+and\s+", m.group(1))]
        if len(named) == 1 and "," in m.group(0):
            return None  # "forces in northern Syria, and a top Iranian commander said": a clause, no list
        if not all(side is not None and self.sides.kinds.get(side) == "country" for side in named) or \
                set(named) == {own}:
            return None
        return m.start()

    def inverted_subject(self, sentence: tuple[int, int], cue_end: int) -> tuple[int, int] | None:
        """The person named right after a cue that has no speaker ("..., explains Jenn Budd, a former
        agent."), or None."""
        m = re.match(r"\s+((?:[A-Z][\w’'\-]*\.?\s+){0,3}[A-Z][\w’'\-]+)(?=\s*(?:[,.;]|$))",
                     self.text[cue_end:sentence[1]])
        if m is None or self.person(m.group(1)) is None:
            return None
        return cue_end + m.start(1), cue_end + m.end(1)

    def resolve(self, mention: str | None, cue_start: int, sentence: tuple[int, int],
                previous_sentence: int) -> _Source:
        """The source of one statement; an official without a side takes the side of the official source
        who spoke in this or the previous sentence (from ``previous_sentence`` on): "Pakistan denounced the
        strike. “...,” spokeswoman Mumtaz Zahra Baloch said" -> Pakistan."""
        self._window = (previous_sentence, sentence[1])
        self._sentence_start = sentence[0]
        src = self._resolve(mention, cue_start, sentence)
        if src.affiliation is None and mention and _ANAPHORIC.match(mention.strip()) and not src.anonymous:
            # "its state-run Nour News agency", "the province’s Deputy Governor ...": the side named last
            # before the mention in its sentence
            named = self.sides.find(self.text[sentence[0]:cue_start if cue_start > sentence[0] else sentence[1]])
            before = [side for side, a, _ in named if sentence[0] + a < self.text.find(mention.strip(), sentence[0])]
            if before:
                src = _Source(src.source, src.source_type, before[-1], src.anonymous, src.kind)
                if src.kind == "person" and src.source in self.people:
                    self.people[src.source] = (self.people[src.source][0], before[-1])
        described = src.kind == "thing" or (src.kind == "person" and mention is not None
                                            and self.roles.matches(mention.replace(src.source or "", "")))
        if src.affiliation is None and src.kind == "thing" and src.source_type in _OFFICIAL and mention and \
                self.unnamed(mention) and self.setting() is not None:
            # "The army said", "the ministry said" with no side named: the country the article is about
            src = _Source(src.source, src.source_type, self.setting(), src.anonymous, src.kind)
        if src.affiliation is None and not src.anonymous and src.source_type in _OFFICIAL and described:
            for start, prev, _ in reversed(self.previous):
                if start < previous_sentence:
                    break
                # another named person ("President Hassan Rouhani" after "U.S. Defense Secretary Mark Esper")
                # is no continuation of the one who spoke before
                # (a state body after a politician of a country: "Brazil's president-elect Jair Bolsonaro said
                # ... He was declared the winner by the Supreme Electoral Tribunal")
                if prev.affiliation is not None and (prev.source_type in _OFFICIAL or src.kind == "thing" and
                                                     prev.source_type == "politician" and
                                                     self.sides.kinds.get(prev.affiliation) == "country") and (
                        prev.kind == "thing" or src.kind != "person" or prev.source == src.source):
                    src = _Source(src.source, src.source_type, prev.affiliation, src.anonymous, src.kind)
                    if src.kind == "person" and src.source in self.people:
                        self.people[src.source] = (self.people[src.source][0], prev.affiliation)
                    break
        spelled = self.spelled_out(src.source) if src.kind == "thing" else src.source
        if spelled != src.source:
            # "SOHR" after "the Syrian Observatory for Human Rights": the body by its name, typed by it when the
            # acronym types nothing
            typ = self.roles.type_of(spelled) if src.source_type == "unknown" else None
            side = src.affiliation or (self.side_of(spelled) if typ else None)
            src = _Source(spelled, typ or src.source_type, side, src.anonymous, src.kind)
        return src

    def _resolve(self, mention: str | None, cue_start: int, sentence: tuple[int, int]) -> _Source:
        roles, sides = self.roles, self.sides
        if mention is None or not mention.strip():
            return _Source(None, "unknown", None, False, "none")
        mention = mention.strip()
        trailing = _TRAILING.search(mention)  # (one match, anchored at the end: what it cuts off)
        there = trailing is not None and re.search(r"\bthere\b", trailing.group(0)) is not None
        mention = mention[:trailing.start()] if trailing else mention
        dateline = _DATELINE.match(mention)
        if dateline and self.roles.type_of(dateline.group(1)) == "media":
            mention = mention[dateline.end():]  # "Washington (CNN) President Barack Obama": the president
        mention = _OPENING_DAY.sub("", mention) or mention  # "Friday Obama said": Obama
        # "He'll also say", "She’d said": the pronoun without its contracted verb
        mention = re.sub(r"(?i)^(he|she|they|it|we|i)[’'](?:ll|d|s|ve|re|m)$", r"\1", mention)
        low = mention.lower()
        if low in _WRITER:
            # the writer's own "I say", "we agreed", "as we reported" (outside quotations): no source of the article
            return _Source(mention, "unknown", None, False, "writer")
        if low in _PRONOUNS:
            if low == "both":
                return self._both(cue_start)
            return self._antecedent(mention, _PRONOUNS[low], cue_start if low in ("he", "she", "they", "it") else None)
        if low in _QUANTIFIERS or self._head(mention) in roles.anonymous_heads:
            written = self._written_at(mention, cue_start)
            member = _NAMED_MEMBER.fullmatch(self.text, written + len(mention), cue_start) \
                if written < cue_start else None
            if member is not None:
                # "Others, like Vijay Kaul, say", "Some, including the mayor, have suggested": the member named
                named = self._resolve(member.group(1), cue_start, sentence)
                if named.kind == "person" and not named.anonymous:
                    return named
        if re.fullmatch(r"[A-Z][a-z]+s", mention) and _singular(low) != low and roles.is_role_word(_singular(low)) \
                and roles.people_noun(_singular(low)) and self._opens_sentence(self._written_at(mention, cue_start)) \
                and self.known(mention) is None:
            # "Speakers praised", "Senators said": people a plural role names, capitalised as a sentence opens
            mention = low
        first = re.match(r"(.+?)\s+(?:and|&)\s", mention)
        full = self.person(first.group(1)) if first else None  # "King and Meehan": the first named
        full = full or self.person(mention)
        tail = _NAME_TAIL.search(mention)
        if full is None and tail and tail.start() > 0:
            # "Timothy Garton Ash of Oxford", "Guzzardi (D-Chicago)": the name before what follows it
            full = self.person(mention[:tail.start()])
        if full is not None:
            return self._person(full, mention)
        family = re.fullmatch(r"(?:the\s+)?([A-Z][\w’'\-]+)s", mention, re.IGNORECASE)
        if family and family.group(1)[:1].isupper() and self.full_name(family.group(1)) and not (
                roles.is_role_word(family.group(1)) and family.group(1).lower() not in _ROLE_SURNAMES):
            # "the McCloskeys": the family of a person the article names, a family (civilian) unless its
            # member holds office ("Democrats" after "Arizona Democrat Ruben Gallego" is no family; "the
            # Kings" after "Peter King" is)
            person = self._person(self.person(family.group(1)) or self.full_name(family.group(1)), family.group(1))
            typ = person.source_type if person.source_type in _HOME_TYPES else "civilian"
            return _Source(mention.split()[-1], typ, person.affiliation, False, "person")
        if re.fullmatch(r"(?i:the)\s+(?:[a-z][\w\-]*\s+){0,2}"
                        r"(?:group|organi[sz]ation|movement|charity|coalition|network)", mention):
            # "the group said", "the gun rights organization also posted": the organisation named last before it
            # (before the mention, not before a cue
            # after it: "the organization said in a statement on Twitter, referring to")
            at = self.text.rfind(mention, sentence[0], max(cue_start, sentence[0]) + len(mention))
            named = self._organisation_before(at if at >= 0 else cue_start, outlets=False)
            if named is not None:
                return named
        account = _OWN_ACCOUNT.fullmatch(_DETERMINER.sub("", mention))
        if account:
            owner = self._resolve(account.group(1), cue_start, sentence)
            if owner.kind in ("person", "thing") and owner.source_type != "unknown":
                return owner
        staff = _OFFICE_OF.fullmatch(_DETERMINER.sub("", mention))
        boss = (self.person(staff.group(1)) or (staff.group(1) if self.known(staff.group(1)) is not None and
                                                self._name_words(staff.group(1)) is not None else None)) \
            if staff else None
        if boss is not None:
            # "Moon's office said", "Mueller's team accused": the people who work for an office holder speak as
            # their office, of its side (not a lawyer's client: "Trump's lawyers"); "Netanyahu's aides" are
            # people the article does not name
            held = self._person(boss, staff.group(1))
            if held.source_type in _HOME_TYPES:
                several = staff.group(2) in _UNNAMED_STAFF
                # (a body of a type of its own keeps it: "Trump's campaign" is a politician's)
                typ = self.roles.type_of(staff.group(2)) if self.roles.strong(staff.group(2)) else held.source_type
                return _Source(None if several else _POSSESSIVE.sub("", mention), typ or held.source_type,
                               held.affiliation, several, "anonymous" if several else "thing")
        owned = _OWNED_DOCUMENT.fullmatch(mention)
        author = owned.group("owner") if owned and roles.type_of(owned.group("noun")) == "document" and \
            roles.type_of(owned.group("owner")) not in (None, "document") and \
            not _ABOUT_OWNER.intersection(owned.group("describing").split()) else None
        if author is not None:
            # "the Pentagon's latest report on Afghanistan", "Pew's survey": its owner's, who made it and whose type
            # it takes (not what it is about); a person's as the person ("President Trump's executive order")
            mention = mention[:owned.end("noun")]
            owner = self.person(author)
            if owner is not None:
                return self._person(owner, author)
        name = author or speaker_name(mention) or mention
        if len(name) <= 3 and name.isupper() and name != mention.strip() or name in _SENTENCE_WORDS:
            name = mention  # "state TV": a role word, not a name; "Defense One": "One" is no name
        bare = _POSSESSIVE.sub("", _DETERMINER.sub("", name)).strip()
        words = bare.split()
        lead = 0  # the words that date or order a document before its body's name ("a 2013 Harvard study")
        while lead < len(words) - 2 and (words[lead].isdigit() or words[lead] in _DOCUMENT_ORDER):
            lead += 1
        body = _POSSESSIVE.sub("", " ".join(words[lead:-1]))
        if len(words) - lead >= 2 and words[-1].islower() and roles.type_of(words[-1]) == "document" and \
                words[lead][:1].isupper() and words[-2][:1].isupper() and \
                all(w[:1].isupper() or w in _NAME_LINKS for w in words[lead:-1]) and \
                (roles.type_of(self.spelled_out(body)) not in (None, "document") or
                 sides.aliases.get(body, ("", ""))[1] == "name") and \
                not (lead == 0 and " " not in body and not body.isupper() and
                     self._opens_sentence(self._written_at(mention, cue_start))):
            # "A World Bank study", "a CDC report", "the Justice Department's report", "the latest Nato
            # estimate": the body's (not a people's word, "North Korean statement", nor a noun a sentence opens
            # with: "Court documents show")
            bare = body
        head = self._head(mention)
        after = self.text[cue_start:sentence[1]].lower()
        anonymous_phrase = any(p in low or p in after[:120] for p in roles.anonymous_phrases)
        # (a document's body typed by the name the article spells its acronym out with: "the CAP study")
        typed = author or (self.spelled_out(body) if bare == body and roles.type_of(self.spelled_out(body))
                           else mention)
        found = roles.matches(typed)
        strong = [t for t in found if t[3]]
        typ = roles.type_of(typed)
        side = self.side_of(mention)
        place = sides.is_place(mention)
        # "the Russians", "most Palestinians": unnamed people of a side, named by its people's plural
        last = bare.split()[-1] if bare else ""
        people = sides.aliases.get(last, ("", ""))[1] == "people" and last.endswith("s")
        if place and typ is None and head not in roles.anonymous_heads and not people:
            return _Source(bare, "government", place, False, "thing")
        if re.fullmatch(r"(?i)(?:the|that|this|these|those)\s+(?:same\s+)?[a-z\-]+", mention) and (
                head in roles.anonymous_heads or roles.people_noun(head)) and _singular(head) not in roles.titles:
            # "one defense official said ... “...,” that official said", "a White House adviser told reporters
            # ... According to the adviser": the unnamed source named so before
            # ("Obama's top adviser, Susan Rice" in between is the adviser)
            at = self._written_at(mention, cue_start)
            for cue, prev, written in reversed(self.previous):
                after = self.text.find(written, cue, at) if written else -1  # "“...,” said one adviser"
                since = after + len(written) if after >= 0 else cue
                if re.search(r"(?i)(?<![\w\-])" + re.escape(head) + r"(?![\w\-])", self.text[since:at]):
                    break
                if prev.anonymous and written and self._head(written) == head:
                    return prev
        # a description of a person of the article ("the Iranian foreign minister", "Tehran's top diplomat")
        if "-" in head and not re.search(r"-(?:elect|designate)$", head) and _DEFINITE.match(mention) and \
                any(p in roles.titles for p in head.split("-")) and \
                (mention.split()[-1].islower() or len(mention.split()) == 2):  # (not "The Springfield News-Leader")
            # "UN Secretary-General Ban Ki-moon ... The secretary-general said": the person titled so before
            titled_person = self._titled(head, cue_start)
            if titled_person is not None:
                return self._person(titled_person, mention)
        if head in roles.titles and typ is not None and not anonymous_phrase and _DEFINITE.match(mention):
            # the office as the description names it: "executive vice president" (not "president"), "secretary of
            # state" (not "secretary")
            words = [w.strip(".") for w in re.sub(r"^.*(?:’s|'s)\s+", "", mention).lower().split()]
            opens = words.index(head) if head in words else len(words) - 1
            while opens > 0 and words[opens - 1] in _NOT_THE_OFFICE:
                opens -= 1
            office = " ".join(words[opens:])
            whole = " ".join(w for w in words if w not in ("the", "a", "an"))
            linked = self._described(typ, side, cue_start, office, whole)
            if linked is None or not _holds(self.context(linked), office):
                # the holder the lexicon dates, before someone the article never gives the office ("Trump ...
                # attacked Mueller. Then the president said": Trump, not the special counsel named last)
                linked = self._holder(office, mention) or linked
            if linked is not None:
                person = self._person(linked, mention)
                if person.affiliation is None and side is not None:
                    self.people[linked] = (self.people[linked][0], side)
                    person.affiliation = side
                return person
        if typ is None and head in roles.titles and head not in _TITLE_MODIFIERS and \
                re.fullmatch(r"(?i)the\s+(?:(?:interim|acting)\s+)?[a-z]+", mention):
            # "Police Chief Dan Oates ... the chief said": the person named last before it with that title
            # ("the interim chief": a person titled interim chief)
            modifier = mention.split()[1].lower() if len(mention.split()) > 2 else None
            titled_person = self._titled(head, cue_start, modifier)
            if titled_person is not None:
                return self._person(titled_person, mention)
        described = _THE_DESCRIPTION.fullmatch(mention) if typ in (None, "civilian") else None
        if described is not None and (head not in roles.anonymous_heads or typ == "civilian"):
            # "former astronaut Mark Kelly ... the former astronaut's prepared testimony", "owner Stephanie
            # Wilkinson ... The restaurant owner said": the one person the article names right after those words,
            # or after the description's head
            words = described.group(1)
            person = self._named_after(words, cue_start) or \
                (self._named_after(words.split()[-1], cue_start) if " " in words else None)
            if person is not None:
                return self._person(person, mention)
        # "Defense One", "Air Force One": a numeral that ends a capitalised name is no "one" who spoke
        titled = head == "one" and re.search(r"[A-Z][\w’'\-]*\s+One$", _POSSESSIVE.sub("", mention)) is not None
        # "the Syrian Democratic Forces", "State Police": a capitalised head in a name is a named body, not
        # unnamed people ("Iraqi Forces", "Israeli Police" name only a country)
        words = _DETERMINER.sub("", _POSSESSIVE.sub("", mention)).split()
        # (a party's members are written with a capital and remain unnamed people, counted or not: "House
        # Democrats", "Several Senate Republicans", "Three House Democrats")
        titled = titled or (len(words) >= 2 and words[-1][:1].isupper() and words[-1].lower().strip(".") == head
                            and not (head in _PARTY_MEMBERS and all(
                                w.lower() in _CHAMBERS or sides.is_place(w) or k == 0 and (
                                    w.lower() in _OPENING_QUANTIFIERS or number_word(w.lower()) or w.isdigit())
                                for k, w in enumerate(words[:-1])))
                            and any(w[:1].isupper() and not sides.is_place(w) for w in words[:-1])
                            and not (len(words) == 2 and words[0].lower() in _OPENING_QUANTIFIERS))
        if len(words) == 1 and words[0] == head.title() and head in _PAPERS and re.match(r"(?i)the\s", mention):
            return _Source(bare, "media", side, False, "thing")  # "The Guardian reported", "The Economist"
        if head not in roles.anonymous_heads and head.rsplit("-", 1)[-1] in roles.anonymous_heads:
            head = head.rsplit("-", 1)[-1]  # "the shop-owner": an owner
            if mention.split()[-1].islower():  # (not "The Springfield News-Leader")
                typ = typ or roles.type_of(head)
        joined = [self._head(part) for part in re.split(r"\s+(?:and|or)\s+", mention)[:-1]] \
            if re.search(r"\s(?:and|or)\s", mention) else []
        if self._unnamed_reports(mention):
            # "Media reports said", "according to reports": outlets the article does not name (reports, not
            # people: no anonymous source, as the codebook codes them)
            return _Source(None, "media", side, False, "thing")
        if head in _BODIES and not titled and not re.match(r"(?i)(?:the|these|those|both|its|their)\s", mention) \
                and not _state_media(mention) and (head not in _MEDIA_BODIES or " " in mention.strip() and
                                                   roles.type_of(mention.rsplit(None, 1)[0]) == "media"):
            # "some US media outlets", "three Russian companies", "South Korean media": bodies named by no one,
            # anonymous as "aid agencies"
            return _Source(None, typ or "other", side, True, "anonymous")
        if _SHARE.match(mention):
            # "83 percent said", "seven-in-ten say": the respondents of a survey
            return _Source(None, "civilian", None, True, "anonymous")
        described = self._described_person(mention, head, cue_start)
        if described is not None:
            return self._person(described, mention)
        unnamed_person = False
        if head in _INDEFINITE_ONLY and not re.match(r"(?i)(?:a|an|one|another)\s", mention):
            # "Iran's supreme leader" is an office; "the man" is a person (resolved below)
            unnamed_person = head not in _OFFICES and bool(re.match(r"(?i)the\s", mention))
            head = ""
        if (head in roles.anonymous_heads or people or low in _QUANTIFIERS or self._unnamed_people(mention, head)) \
                and not titled or anonymous_phrase or any(h in roles.anonymous_heads for h in joined):
            # "the president's critics": an anonymous source is typed by what it is, not by its possessor
            counted = _COUNTED.match(mention)  # "a host of economists": typed as economists
            phrase = mention[counted.end():] if counted else mention
            owner = list(re.finditer(r"(?:’s|'s)\s", phrase))
            # (but a party's own lawyers are other by whom they speak for: "Trump's lawyers")
            owned = phrase[owner[-1].end():] if owner and not _COUNSEL.match(phrase[owner[-1].end():]) else None
            own_type = roles.type_of(owned) if owned else roles.type_of(phrase) if owner or counted else typ
            if own_type == "document" and roles.type_of(head) != "document":
                own_type = None  # "a source familiar with the statement": people, typed by no document they know
            if own_type is None and people and place and re.match(r"(?i)the\s", mention):
                own_type = "government"  # "the Iranians said": a side as a party to talks or a war
            if own_type == "armed_group" and side is not None and sides.kinds.get(side) == "country":
                side = bare  # "Syrian rebels" fight the state their demonym names: their side is the group
            if side is None and not _DESTINATION.search(mention) and not _NOT_OF_PLACE.search(mention):
                # "officials in Tehran", "lawmakers in Kyiv": unnamed people of the one place they are in (not
                # a diplomat's post, nor foreigners there: "a Western diplomat in Kabul", "foreign journalists in Moscow")
                places = {m.side for m in sides.mentions(mention) if m.place}
                side = places.pop() if len(places) == 1 else None
            if side is None and there and self._window is not None and own_type in _SIDED_TYPES:
                # "Fighting broke out in Iraq. Officials there said": officials of the place named last before them,
                # else of the side named first ("The Kremlin said ... Officials there said"); experts, media and
                # civilians take no side from where they are ("Doctors there said")
                named = sides.mentions(self.text, self._window[0], self._written_at(mention, cue_start))
                places = [m.side for m in named if m.place]
                side = places[-1] if places else named[0].side if named else None
            if own_type is None and side is None and (_QUANTIFIER.fullmatch(mention) or low == "one") \
                    and self._window is not None \
                    and self.previous and self.previous[-1][0] >= self._window[0] and self.previous[-1][1].anonymous \
                    and re.match(r"(?i)(?:some|many|several|most|one|a|an)(?:\s|$)", self.previous[-1][2] or ""):
                # "Some Republican senators said ... Others said", "Several senators criticized the bill. Some said":
                # more of the unnamed people who spoke just before, when those were some of them ("Police said ...
                # Some said he wore a mask" sets them apart from the police)
                return self.previous[-1][1]
            if own_type is None and side is None and (_QUANTIFIER.fullmatch(mention) or low == "one"):
                # "Residents were divided. Some said ...", "Farmers are worried. “...,” one said": some of the
                # unnamed people named just before
                group = self._group_before(cue_start, counted=True)
                if group is not None:
                    return group
            if own_type == "government" and side is None and head in ("authorities", "authority") \
                    and self._window is not None \
                    and _POLICE_MATTER.search(self.text, self._window[0], self._window[1]):
                # "A gunman opened fire ... authorities said": the police, as "police said" is (an arrest alone is
                # no police matter: "the arrest of key Brotherhood leaders. Authorities accuse them")
                own_type = "military_security"
            return _Source(None, own_type or "unknown", side, True, "anonymous")
        if strong and side is None and author is None and roles.type_of(head) == "document" and \
                len(mention.split()) <= 3 and \
                all(w.islower() and w not in PREPOSITIONS for w in mention.split()[1:]) and \
                (mention[:1].islower() or self.text[self._sentence_start:].lstrip().startswith(mention)):
            # "government figures show", "court records show": a document no named body wrote (the author's
            # type is for "the Pentagon's report", "Pakistan's foreign ministry statement")
            return _Source(bare, "document", None, False, "thing")
        if not strong and typ == "document" and side is None:
            author = self._author(mention, sentence)
            if author is not None:
                return author
            if _BARE_DESCRIPTION.fullmatch(mention):
                # "the report", "that tweet": a document written of before
                author = self._made_by_verb(head, cue_start) or self._earlier_author(head, cue_start)
            elif _DEFINITE.match(mention):
                author = self._earlier_author(head, cue_start)
            if author is not None:
                return author
            if head in _AUTHORED and _DEFINITE.match(mention):
                author = self._recent(cue_start)
                if author is not None:
                    return author
            return _Source(bare, "document", None, False, "thing")
        if side is None and _BARE_SPOKESMAN.fullmatch(mention.strip()) and self._window is not None:
            # "London's Metropolitan Police tweeted ... “...,” a spokesperson told The Guardian": the spokesperson
            # of the body that spoke last, in this or the previous sentence, speaks as it (not when someone else
            # spoke after it, nor for an outlet or a text)
            at, prev, _ = self.previous[-1] if self.previous else (-1, None, None)
            if prev is not None and at >= self._window[0] and prev.kind == "thing" and prev.source and \
                    prev.source[:1].isupper() and prev.source_type in _SPOKEN_FOR:
                # (not when another body is named after it, outside quotations: "Amnesty International accused the
                # Pentagon ... A spokesman said" may be the Pentagon's)
                between = self.text[at:self._written_at(mention, cue_start)]
                if not any(t[3] and not self.in_quote(at + t[0]) and between[t[0]:t[1]] not in prev.source
                           for t in self.roles.matches(between)):
                    return prev
        if side is None and typ is not None and re.match(r"(?i)the\s", mention) and self.unnamed(mention) and \
                not unnamed_person:
            # "the ministry", "the foreign ministry": the earlier source with the same head word (not a body
            # named in full: "the Pew Research Center" is no earlier "Law Center"; not "the man", a person)
            for _, src, prev in reversed(self.previous):
                if prev and src.kind == "thing" and src.affiliation and self._head(prev) == head:
                    return src
            # "Iran's army ... The army said": the side named with the same head earlier in the article
            earlier = self.text[:self._written_at(mention, cue_start)]
            for m in reversed(list(re.finditer(r"(?<![\w\-])(?:[\w.’'\-]+\s+){1,4}?" + re.escape(head) + r"s?\b",
                                               earlier, re.IGNORECASE))):
                named = self.sides.find(m.group(0))
                if named:
                    return _Source(bare, typ, named[-1][0], False, "thing")
        if side is None and not strong and _THE_BODY.fullmatch(mention):
            # "the Syrian Observatory for Human Rights ... the observatory said", "the bureau" after the Federal
            # Bureau of Investigation: the body named earlier in the article with that head word
            named = self._named_body(head, self._written_at(mention, cue_start), sentence)
            if named is not None:
                return named
        kind = _BODY_KINDS.get(head)
        if kind is not None and re.fullmatch(r"(?i)the\s+(?:[\w\-]+\s+){0,2}" + re.escape(head), mention) and \
                all(w.islower() or sides.aliases.get(w, ("", ""))[1] == "people" for w in mention.split()[1:]):
            # "The New York Times reported ... the paper said", "Lyft said ... the company said": the body of
            # that kind the article named last ("the news agency" is an outlet); of the side a demonym names
            # ("the Israeli firm"), when it does
            demonyms = [w for w in mention.split()[1:] if w[:1].isupper()]
            for named, described in self._bodies_before("media" if "news" in low.split() else kind,
                                                        self._written_at(mention, cue_start), sentence):
                if side is None or named.affiliation == side:
                    return named
                if named.affiliation is None and any(re.search(r"(?<![\w\-])" + re.escape(w) + r"(?![\w\-])", described)
                                                     for w in demonyms):
                    # "NSO Group, an Israeli surveillance company ... The Israeli firm": the side of its description
                    return _Source(named.source, named.source_type, side, named.anonymous, named.kind)
        if side is None and typ in ("international_ngo", "armed_group") and any(w[:1].isupper() for w in bare.split()):
            # a named organisation or armed group speaks for itself ("The Elders", "UN Watch"), by the gazetteer's
            # name when it has the body under another case ("the Islamic state" -> Islamic State)
            side = self.sides.named(bare) or bare
        if typ is None and _CALL_SIGN.fullmatch(bare) and re.search(
                r"(?<![\w\-])" + bare + r"(?:-(?:TV|FM|AM|DT)|\s+(?:News|TV|[Rr]adio|[Tt]elevision)\b|,?\s+(?:a|an|the)\s+"
                r"[^,.;]{0,40}(?:station|affiliate|broadcaster))|(?:station|affiliate|channel|radio|TV|television)\s+"
                + bare + r"(?![\w\-])", self.text):
            # "WJLA reported" where the article calls WJLA a station ("ABC affiliate WJLA", "WJLA-TV"): a broadcaster
            # by its call sign (four capitals alone are as often another body's: "WADA", "KFOR")
            typ = "media"
        if typ is None and bare[:1].isupper():
            # "Arbor, a company that builds drones, said": a named body the article describes by a role
            # a corporate suffix after the name ("Walmart Inc."), or the description that opens the next sentence
            # when the body opens its own ("Walmart announced ... The retailer is calling ...")
            for m in self._occurrences(bare):
                app = self._appositive_after(m.end(), surname_only=True)
                suffix = re.match(r",?\s+(" + _CORPORATE_SUFFIX + r")\.?", self.text[m.end():m.end() + 12])
                nxt = re.match(r"[^.!?\n]{0,300}[.!?][”\"]?\s+((?:The|the)\s+[a-z]+)\b", self.text[m.end():]) \
                    if self._opens_sentence(m.start()) else None
                for phrase in (app, suffix.group(1) if suffix else "", nxt.group(1) if nxt else ""):
                    found_type = roles.type_of(phrase) if phrase else None
                    if found_type not in (None, "document") and self._head(phrase) not in roles.anonymous_heads:
                        typ = found_type
                        break
                if typ is not None:
                    break
        if side is None and typ == "media" and bare[:1].isupper():
            # "Granma, the official newspaper of the Communist Party in Cuba", "The Global Times, a state-run Chinese
            # tabloid": state media speak for their state
            for m in self._occurrences(bare):
                app = self._appositive_after(m.end(), surname_only=True)
                named = sides.find(app) if app and _STATE_OWNED.search(app) and roles.type_of(app) == "media" else []
                if named:
                    side = named[-1][0]
                    break
        if typ is None and self.known(bare) is not None and self._name_words(bare) is not None:
            # "Putin said", named once with no title: the office holder the roles lexicon lists
            return self._person(bare, mention)
        if typ is None and side is None and re.match(r"(?i)the\s", mention) and _PERSON_NOUN.search(head) and \
                head not in roles.anonymous_heads and head not in _NOT_PEOPLE and mention.split()[-1][:1].islower() \
                and self._window is not None and self.previous and self.previous[-1][0] >= self._window[0] and \
                self.previous[-1][1].kind == "person":
            # "“...,” Trump said. The New York billionaire also said": a description with no role, right after
            # a person spoke, is that person
            return self.previous[-1][1]
        if unnamed_person:
            # "“...,” said Ali Reza, a shopkeeper. “I ran,” the man said": the person who spoke just before, who
            # holds no office, unless a pronoun between them says otherwise ("she" before "the man"); else a
            # person the article has not named ("“Thank you,” said the man")
            if self._window is not None and self.previous and self.previous[-1][0] >= self._window[0]:
                at, prev, _ = self.previous[-1]
                other = r"\b(?:[Ss]he|[Hh]er|[Hh]ers)\b" if mention.split()[-1].lower() in ("man", "boy") \
                    else r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b"
                if prev.kind == "person" and prev.source_type not in _HOME_TYPES and \
                        not re.search(other, self.text[at:cue_start]):
                    return prev
            return _Source(None, typ or "civilian", side, True, "anonymous")
        compass = re.fullmatch(r"(?i)the\s+(north|south)", mention.strip())
        if compass:
            # "The North has warned": the one side of the article named "North ..." ("North Korea")
            opening = compass.group(1).lower() + " "
            named = {s for s, _, _ in self._sides_named if s.lower().startswith(opening)}
            if len(named) == 1:
                country = named.pop()
                return _Source(country, "government", country, False, "thing")
        at = self._written_at(mention, cue_start) if side is None and _THE_COUNTRY.fullmatch(mention.strip()) else -1
        if at >= 0 and not _CUT_SHORT.search(self.text[max(0, at - 12):at]):
            # "Saudi Arabia denied involvement ... The kingdom said", "North Korea fired a missile. The country
            # said": of the countries that spoke, opened a sentence or are named in its own sentence before it
            # ("In Syria's new report, the country says"), the one the article is about, else the last ("Israel
            # struck Gaza. The Jewish state said": Israel, not Gaza), speaks as its government; not a place a
            # phrase cut short names ("teachers across the country")
            spoke = [(cue, prev.affiliation) for cue, prev, _ in self.previous if prev.kind == "thing" and
                     prev.source_type == "government" and self.sides.kinds.get(prev.affiliation or "") == "country"]
            opened = [(start, s) for s, start, end in self._sides_named if end <= at and self.sides.kinds.get(s) ==
                      "country" and (start == 0 or start >= self._sentence_start or
                                     _SENTENCE_OPENING.search(self.text, max(0, start - 4), start))]
            if spoke or opened:
                # (the one the article is about unless it is the outlet's home: in an article on the Saudi
                # consulate in Istanbul, "the kingdom" is Saudi Arabia even after Turkey spoke)
                setting = self.setting()
                country = setting if setting != self.home and setting in {c for _, c in spoke + opened} \
                    else max(spoke + opened)[1]
                return _Source(country, "government", country, False, "thing")
        unnamed = _UNNAMED_ONE.fullmatch(mention) if side is None else None
        noun = unnamed.group(1) if unnamed else ""
        if unnamed and typ not in _HOME_TYPES and person_noun(noun) and not noun.endswith("ment") and \
                _singular(noun) not in roles.titles and noun not in _OFFICES and noun not in _UNIQUE_OFFICES and \
                not any(w in PREPOSITIONS for w in mention.lower().split()) and not self._names_one(noun, cue_start):
            # "the navigator testified", "the bartender said": a person the article describes by no office and
            # does not name (an office is on the record: "the spokesman said", "the county prosecutor said")
            return _Source(None, typ or "unknown", None, True, "anonymous")
        typ = typ or ("other" if side is not None else "unknown")
        return _Source(self._body_named(bare, mention), typ, side, False, "thing")

    def _body_named(self, bare: str | None, mention: str) -> str | None:
        """The name of the body a source phrase names with the noun of what it is or what it made, ``bare`` its
        name as read and ``mention`` the phrase: "Reuters" for "Reuters news agency", "SDF" for "a statement from
        the SDF"; ``bare`` itself otherwise (a people's word or a person is no body: "a North Korean spokesman", "a
        spokesman for Kerry", whose spokesman speaks for a body only where a lexicon knows its one word)."""
        if not bare:
            return bare
        m = _NAME_THEN_NOUN.fullmatch(bare)
        name = m.group(1) if m else _made_by_body(mention)
        # (without its owner or where it is based: "Russia's Tass news agency", "the U.K.-based Guardian newspaper")
        name = _POSSESSIVE.sub("", _BASED.sub("", _OWNER.split(name)[-1])) if name else ""
        if not name or name.endswith((" of", " for", " and", " on", " the")) or \
                any(self.sides.aliases.get(w, ("", ""))[1] == "people" for w in (name, name.split()[-1])) or \
                self.person(name) is not None or \
                "spokes" in mention and " " not in name and not name.isupper() and \
                not (self.roles.type_of(name) or self.sides.find(name)):
            return bare
        return name

    def _private_side(self, phrase: str) -> str | None:
        """The side the description ``phrase`` gives an expert or a civilian: of the words before the body or the
        place they work in ("an Iranian analyst at the Crisis Group" -> Iran; "a fellow at the think tank New
        America" -> None), else of the body when it is a state's ("a military analyst at Russia's Defense Ministry"
        -> Russia)."""
        m = _WORKPLACE.search(phrase)
        own, workplace = (phrase[:m.start()], phrase[m.end():]) if m else (phrase, "")
        side = self.side_of(own, person=True)
        if side is None and workplace and self.roles.type_of(workplace) in _HOME_TYPES:
            return self.side_of(workplace, person=True)
        return side

    def _names_one(self, noun: str, before: int) -> bool:
        """Whether the article, before ``before``, names a person it describes with the lower-case ``noun``
        ("John Doe, a bartender at the pub", "the ship's navigator, Ivan Petrov", "The navigator was James Wood"),
        whom "the <noun>" may then stand for."""
        word = re.escape(noun)
        return any(re.compile(pattern).search(self.text, 0, before) for pattern in (
            _NAME_WORDS + r",\s+(?:an?|the)\s+(?:[\w’'\-]+\s+){0,4}?" + word + r"\b",
            r"\b" + word + r",?\s+" + _NAME_WORDS,
            r"\b" + word + r"\s+(?:is|was)\s+" + _NAME_WORDS,
            _NAME_WORDS + r"\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w’'\-]+\s+){0,4}?" + word + r"\b"))

    def _person(self, full: str, mention: str) -> _Source:
        if full not in self.people:
            ctx = self.context(full)
            parts = ctx.split(" ; ") if ctx else []
            # the words of the name are no title: "Rep. Peter King" is no king, "Ms. Bishop" no bishop; nor is a
            # person a document ("... the petition states.Former combat medic Javier Ortiz told")
            typ = self.roles.type_of(_without_name(mention, full))
            typ = None if typ == "document" else typ
            # a side named by the name or several of its words (an actor listed by name), not by one word of it
            # ("Lisa Monaco", "Sheriff Scott Israel", "Chad Morrison" name no country)
            in_name = [m.side for m in self.sides.mentions(full) if not m.place and " " in full[m.start:m.end]]
            side = (in_name[0] if in_name else None) or self.side_of(_without_name(mention, full), person=True)
            # the side of the description that gives the type ("Iranian Foreign Minister ..."), else of any title;
            # a description with a strong term before weak ones ("spokesman Jim Cole ; the Pentagon's press
            # secretary")
            typed = [(p, t) for p in parts for t in [self.roles.type_of(p)] if t not in (None, "document")]
            listed = self.known(full)
            if listed is not None:
                # a noun for anyone gives no role to a person the roles lexicon lists ("Mueller ; the person who
                # was charged with investigating"); to others it is a civilian's description ("an unarmed black man")
                # nor does a body an office holder leads: on the article's date a president's "campaign" is the
                # office holder's ("the Trump campaign" in a story of 2018; "the Obama administration" in one of 2019
                # tells of the office a former president held)
                typed = [(p, t) for p, t in typed if not self._anyone(p)
                         and not (listed[0] in _OFFICIAL and re.fullmatch(_LED, p, re.I))]
            better = next(((p, t) for p, t in typed if self.roles.strong(p)), None)
            if better is not None and (typ is None and better[1] != typed[0][1]
                                       or typ is not None and not self.roles.strong(mention) and better[1] != typ):
                typ, side = better[1], side or self.side_of(_without_name(better[0], full), person=True)
            if typ is None and typed:
                typ, side = typed[0][1], side or self.side_of(_without_name(typed[0][0], full), person=True)
            dated = self.roles.dated.get(full)
            own_role = self.roles.type_of(_without_name(mention, full))
            if dated is not None and self.date is not None and typ == dated.held and dated.before_office(self.date) \
                    and (own_role is None or re.search(r"(?i)\bpresident\b", _without_name(mention, full))):
                # "President Trump" in a story of 2016: the office not yet held (one imagined, a president-elect's;
                # not a role the mention gives, which may be one held before the listed term: "White House
                # spokeswoman Sarah Huckabee Sanders" in February 2017)
                typ = dated.before
            kept = _without_name(mention, full).split()
            if typ in _HOME_TYPES and kept and all(_role_core(w) in _KEPT_TITLES for w in kept) and any(
                    t == "expert" and re.match(r"(?i)(?:an?\s+|the\s+)?(?:retired|ret\.)\s", p) for p, t in typed):
                # "Lt. Col. Rick Francona, a retired U.S. Air Force intelligence officer": a rank is kept in
                # retirement, the description says the role is held no more
                typ = "expert"
            if not self.roles.strong(mention) and not any(self.roles.strong(p) and not self._presides(p)
                                                          for p in parts if p):
                # "a representative of Sae-A", "legislative director at the Violence Policy Center", "the
                # president of Sae-A": a role in a named body the lexicon does not know (a company, an advocacy
                # group) is the body's, "other"
                held = next((b for p in parts for b in [self._unknown_body(p)] if b), None)
                if held is not None:
                    typ, side = "other", None
            owner = next((m for p in parts for m in [_STAFF_OF.fullmatch(p.strip())] if m), None)
            # (the words of the name are no role: "Graham’s spokesperson Kevin Bishop" is no bishop)
            boss = self.person(owner.group(1)) if owner and typ is not None and \
                not self.roles.strong(_without_name(mention, full)) else None
            if boss is not None and boss != full:
                # "Mr. Stockman’s spokesman, Don Ferguson": the staff of an office holder speak as their office
                self.people.setdefault(full, (None, None))  # no loop through two people who staff each other
                boss_src = self._person(boss, owner.group(1))
                if boss_src.source_type in _HOME_TYPES:
                    typ, side = boss_src.source_type, side or boss_src.affiliation
            deciding = [mention] + [p for p, _ in ([better] if better else typed[:1])]
            in_office = full in self.roles.dated and listed is not None and listed[0] in _HOME_TYPES
            served = typ in _HOME_TYPES and not in_office and self._past_principal(deciding)
            if served:
                # "Fred Hof, President Barack Obama's special adviser", "the top U.N. diplomat in the George W. Bush
                # administration" (in a story of 2018): a role held under an office holder whose terms had ended by
                # the article's date is held no more, a former official's
                typ = "expert"
            if side is None and listed is not None:
                # "Justin Trudeau, the party leader": the listed side, before the sides of the other titles read
                # around the name (which may be a neighbour's: "President Obama and U.N. Secretary-General Ban")
                side = listed[1]
            if side is None and ctx:
                found = [s for part in parts for s in [self.side_of(_without_name(part, full), person=True)] if s]
                side = found[0] if found else None
            if side is None and typ in _OFFICIAL:
                side = self._owner_side(full, [mention] + parts)
            if typ is None and (_PARTY_TAG.search(mention) or any(
                    _PARTY_TAG_AFTER.match(self.text, m.end())
                    for m in re.finditer(re.escape(full.split()[-1]), self.text))):
                typ = "politician"  # "Rep. Will Guzzardi (D-Chicago)", "Robert Menendez, D-N.J."
            if typ is None:
                # "Mr. Trump ... the president demanded": the office of the descriptions that follow the name
                typ, described_side = self._described_role(full)
                if typ is not None and side is None:
                    # "the president" with no country named: of the country the article is about
                    setting = self.setting()
                    side = described_side or (setting if self.sides.kinds.get(setting) == "country" else None)
            # (read once: for a person the lexicon does not list, or lists with no side)
            deeds = self._deeds(full) if typ is None and (listed is None or listed[1] is None) else ""
            if typ is None and listed is not None and (listed[1] is not None or not deeds and not re.search(
                    re.escape(full) + r",\s+\d{1,3},", self.text)):
                # "Vladimir Putin approached the committee": an office holder the roles lexicon lists (a host listed
                # with no side is not the namesake the article gives an age or a deed: "Brian Williams, 45, of
                # Dallas", "David Brooks was arrested")
                typ, side = listed[0], side or listed[1]
            if typ is None:
                # "police arrested Daniel Sanchez", "as Maciej Ceglowski pointed out on his blog": what the
                # article's verbs make of a person it gives no title
                typ = self.roles.type_of(deeds)
            if typ is None:
                typ = "civilian"  # news style gives officials and experts a title when it names them
                self.untyped.add(full)
            if side is not None and typ in _PRIVATE_TYPES and listed is None and not in_name and not served and \
                    not any(_HELD_BEFORE_ROLE.search(p) for p in [mention] + parts):
                # "a senior fellow at the think tank New America", "a researcher at Seoul's Asan Institute": the
                # place an expert or a civilian works or lives in is no side of theirs ("an Iranian analyst at
                # Brookings" keeps Iran; a former official's side is the country served)
                side = next((s for p in [mention] + parts for s in [self._private_side(_without_name(p, full))]
                             if s), None)
            self.people[full] = (typ, side)
        typ, side = self.people[full]
        return _Source(full, typ or "unknown", side, False, "person")

    def _past_principal(self, phrases: list[str]) -> bool:
        """Whether one of ``phrases`` gives a role under an office holder of the lexicon's ``terms:`` whose terms
        had all ended by the article's date ("President Barack Obama's special adviser" in 2018, "in the George W.
        Bush administration"); False for an article with no date."""
        if self.date is None:
            return False
        for phrase in phrases:
            for m in _PRINCIPAL.finditer(phrase or ""):
                dated = self.roles.dated.get(m.group(1) or m.group(2))
                if dated is not None and dated.left_office(self.date):
                    return True
        return False

    def _unnamed_reports(self, mention: str) -> bool:
        """Whether ``mention`` is reports no outlet is named for: "reports", "media reports", "Iranian state media
        reports" (a demonym of the gazetteer), not "the reports" nor "CNN reports"."""
        words = mention.split()
        return bool(words) and words[-1].lower() == "reports" and all(
            w.lower() in _UNNAMED_REPORT_WORDS or self.sides.aliases.get(w, ("", ""))[1] == "people"
            or w.lower() == "state" and "media" in words for w in words[:-1])  # ("state media reports")

    def _anyone(self, part: str) -> bool:
        """Whether ``part`` describes a person by a noun for anyone ("the person who was charged with
        investigating whether the president ...", "a fan of"): the role terms before its post-modifier are all such
        nouns."""
        cut = _POST_MODIFIER.search(part)
        head = [part[a:b].lower() for a, b, _, _ in self.roles.matches(part[:cut.start()] if cut else part)]
        return bool(head) and all(h in _ANYONE for h in head)

    def _deeds(self, full: str) -> str:
        """The role that what the article says of the person ``full`` outside quotations makes, or "": a suspect
        when the law acts on them ("police arrested Daniel Sanchez", "Smith, 24, was indicted", "Smith
        allegedly told"); a blogger, columnist or host when they speak in a venue of their own ("pointed out on
        his blog", "said on her show")."""
        last = _surname(full)
        venue = None
        for name in dict.fromkeys([full, last]):
            # not a possessor ("arrested Dan Ortiz's son"), nor the surname of another person ("Linda Smith")
            for m in re.finditer(r"(?<![\w’'\-])" + re.escape(name) + r"(?![\w\-]|[’']s\b)", self.text):
                before = re.search(r"([A-Z][\w’'\-]*\.?)\s+$", self.text[max(0, m.start() - 30):m.start()])
                if self.in_quote(m.start()) or name != full and before and \
                        _role_core(before.group(1)) not in self.roles.titles and \
                        self.person(before.group(1) + " " + name) not in (None, full):
                    continue
                if _HELD_BEFORE.search(self.text, max(0, m.start() - 40), m.start()) or \
                        _HELD_AFTER.match(self.text, m.end()):
                    return "suspect"
                if venue is None:
                    found = _VENUE.match(self.text, m.end())
                    venue = found if found and not self.in_quote(found.start(1)) else None
        return "" if venue is None else _VENUE_ROLE.get(venue.group(1).lower(), "show host")

    def _unknown_body(self, part: str) -> str | None:
        """The named body a role phrase holds its role in ("director at the Violence Policy Center" -> Violence
        Policy Center), when it is no place or side and the roles lexicon gives it no type; else None."""
        if not part or not self.roles.matches(part):
            return None
        for m in _IN_BODY.finditer(part):
            body = m.group(1).strip()
            if not self.sides.find(body) and self.roles.type_of(body) is None and self.person(body) is None \
                    and body.split()[-1].lower() not in _THINK_TANK_HEADS:
                return body
        return None

    def _presides(self, part: str) -> bool:
        """Whether the only strong role terms of ``part`` are offices named after the body they preside over
        ("the president of Sae-A"), which make no official of a body the lexicon does not know."""
        strong = [(a, b) for a, b, _, s in self.roles.matches(part) if s]
        return bool(strong) and all(part[a:b].lower() in _PRESIDENTS and re.match(r"\s+(?:of|for|at)\s", part[b:])
                                    for a, b in strong)

    def _described_role(self, full: str) -> tuple[str | None, str | None]:
        """The office and side of the person ``full`` by the definite descriptions of an official the article
        uses right after naming them ("Mr. Trump’s march ... in which the president demanded", "Putin
        proposed ... the Russian president’s moves"): the type most of them give (government before
        politician), and the first side they name; (None, None) when no description has ``full`` as the last
        person named within the 300 characters before it. A rank ("the officer", "the general") describes
        no one by office: "Green recalled ... The officer, who is not identified, ..." is another person."""
        found: dict[str, int] = {}
        side = None
        for at, phrase in self._descriptions():
            typ = self.roles.type_of(phrase)
            if typ not in ("government", "politician") or self.roles.former_official(phrase):
                continue
            before = self.text[max(0, at - 300):at]
            # names of people: not a place after a preposition ("across Lafayette Square"; "in Mr. Trump’s
            # march" is a person's)
            names = [n.group(0) for n in re.finditer(r"(?<![\w’'\-])" + _NAME.pattern, before)
                     if not re.search(r"\b(?:in|at|on|to|across|near|from|into)\s+$", before[:n.start()])
                     or _POSSESSIVE.search(n.group(0)) or _role_core(n.group(0).split()[0]) in self.roles.titles]
            last = next((who for who in map(self.person, reversed(names)) if who is not None), None)
            if last != full:
                continue
            found[typ] = found.get(typ, 0) + 1
            side = side or self.sides.side_of(phrase)
        if not found:
            return None, None
        order = ("government", "politician")
        return max(found, key=lambda t: (found[t], -order.index(t))), side

    def _descriptions(self) -> list[tuple[int, str]]:
        """The definite descriptions of one person by their title in the article, with their offsets: "the
        president", "the self-declared Republican Party’s presumptive presidential nominee", not one followed
        by a name ("the president, Joe Biden") or by what the person heads ("the president of the union")."""
        if not hasattr(self, "_description_cache"):
            out = []
            for m in re.finditer(r"(?<![\w’'\-])(?:[Tt]he|[Tt]his)\s+", self.text):
                words = list(re.finditer(r"[^\s]+", self.text[m.end():m.end() + 90]))[:6]
                end = None
                for k, w in enumerate(words):
                    core = _role_core(_POSSESSIVE.sub("", w.group(0)).rstrip(",.;:!?)”\""))
                    if core in self.roles.titles:
                        end = k
                    elif end is not None or w.group(0)[-1:] in ",.;:!?)”\"":
                        break
                if end is None:
                    continue
                stop = m.end() + words[end].end()
                phrase = self.text[m.start():stop].rstrip(",.;:!?)”\"")
                phrase = _POSSESSIVE.sub("", phrase)
                after = self.text[stop:stop + 40]
                if re.match(r"[,\s]+(?:[A-Z][a-z]|(?:of|for|at|in)\s+(?:the\s+)?[A-Z])", after):
                    continue
                # the subject, agent or possessor of a clause, not an object ("Doyle attacks the president")
                word = re.search(r"([a-z]+)\s+$", self.text[max(0, m.start() - 30):m.start()])
                if word and word.group(1) not in _CLAUSE_OPENERS:
                    continue
                out.append((m.start(), phrase))
            self._description_cache = out
        return self._description_cache

    def _named_body(self, head: str, at: int, sentence: tuple[int, int]) -> _Source | None:
        """The body named nearest before ``at`` whose name has the word ``head`` capitalised ("Federal Bureau of
        Investigation" for "bureau"), when the roles lexicon or the sides type it; None otherwise."""
        word = head[:1].upper() + head[1:]
        pattern = re.compile(r"(?:[A-Z][\w’'\-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){0,5}" + re.escape(word)
                             + r"s?(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:and\s+)?[A-Z][\w’'\-]*){0,3})?"
                             r"(?![\w\-])")
        for m in reversed(list(pattern.finditer(self.text, 0, at))):
            if self.in_quote(m.start()):
                continue
            # the longest name that is a typed body ("Federal Bureau of Investigation", not "Agents of the ...")
            words = m.group(0).split()
            for k in range(len(words)):
                name = " ".join(words[k:])
                if name.split()[0] in ("of", "for", "and", "on", "the", "The", "A", "An") or name == word:
                    continue
                found = self._resolve(name, at, sentence)
                if found.kind != "person" and not found.anonymous and found.source_type not in ("unknown", "civilian"):
                    return found
            return None
        return None

    def _bodies_before(self, kind: str, at: int, sentence: tuple[int, int]) -> Iterator[tuple[_Source, str]]:
        """The named bodies of ``kind`` the article names before ``at``, nearest first, each with the words that
        describe it: outlets (``media``) or state bodies that are no place (``agency``: "the FAA") named in the
        sentences just before; companies (``company``) the article describes as such anywhere before ("NSO Group,
        an Israeli surveillance company", "retailer Walmart", "Harlow Inc.") or that spoke in those sentences."""
        if kind == "company":
            named = [(m.start(), name, described) for name, described in self._described_companies.items()
                     for m in self._occurrences(name) if m.start() < at]
            named += [(start, src.source, "") for start, src, _ in self.previous
                      if at - _BODY_WINDOW <= start < at and src.kind == "thing" and not src.anonymous
                      and src.source_type in ("other", "unknown") and self._proper_name(src.source or "")]
            for _, name, described in sorted(named, key=lambda n: n[0], reverse=True):
                src = self._resolve(name, at, sentence)
                if not src.anonymous:  # (a one-word company may read as a person: "Apple, the iPhone maker")
                    # a company of no type the lexicon knows is of the type "other"
                    typ = "other" if src.source_type == "unknown" else src.source_type
                    yield _Source(name, typ, src.affiliation, False, "thing"), described
            return
        for m in reversed(list(_BODY_NAME.finditer(self.text, max(0, at - _BODY_WINDOW), at))):
            if self.in_quote(m.start()):
                continue
            # the words after a sentence's end ("CNN. And Reuters"), the last of bodies listed ("the FBI and the
            # Department of Homeland Security"); of a possessive, the owner ("the Washington Post's Tehran bureau")
            run = re.split(r"\s+and\s+the\s+", re.split(r"(?<=\w\w)\.\s+", m.group(0))[-1])[-1]
            run = _ON_DATE.split(run)[0]  # "... on Monday"
            for part in reversed(re.split(r"(?:’s|'s)\s+", run)):
                words = _POSSESSIVE.sub("", part.rstrip(".")).split()[-6:]
                for k in range(len(words)):
                    name = " ".join(words[k:])
                    if words[k] in _NAME_CONNECTORS or words[k] == "The" or words[k] in _SENTENCE_WORDS or \
                            not self._proper_name(name) or \
                            self.person(name) is not None and self.roles.type_of(name) is None or \
                            kind == "media" and "Journal of" in name:  # a scientific journal's paper is a study
                        continue
                    if " " not in name and not name.isupper() and self.roles.type_of(name) is None and (
                            name.lower() in self._lower_words or self._opens_sentence(m.start())):
                        continue  # "Floods hit Texas", "Police said": a word capitalised by its place
                    found = self._resolve(name, at, sentence)
                    if found.kind == "thing" and not found.anonymous and (
                            found.source_type == "media" if kind == "media" else found.source_type in _OFFICIAL):
                        yield _Source(name, found.source_type, found.affiliation, False, "thing"), ""
                        break

    def cited_source(self, phrase: str, documents: bool = False) -> bool:
        """Whether ``phrase``, cited after a reporting verb, names a source: people ("five senior officials",
        "a foreign ministry spokesman", a named person) or a body of the state, an outlet or an organisation
        ("Iranian state media", "the Ministry of Health"); not a reason, a place or a document ("threats to Israel",
        "Pakistan and Iran", "the Paris climate agreement", "police records"), unless ``documents`` (what a citing
        participle cites is the statement's source: "citing police records")."""
        head = self._head(phrase)
        if head in self.roles.anonymous_heads or self.roles.people_noun(head):
            return True
        if documents and (head.lower() in _CITED_RECORDS or self._cited_person(phrase)):
            return True
        if self.roles.type_of(head) is None or head.lower() in _ABSTRACT_HEADS:
            return False  # a modifier of a common noun gives it no type: "security concerns", "pressure from the
            # White House" and "national security" are reasons
        return self.roles.type_of(phrase) in ("media", "government", "military_security", "international_ngo") \
            and self.roles.type_of(head) != "document"

    def _cited_person(self, phrase: str) -> bool:
        """Whether ``phrase`` names a person the article describes, lists or quotes ("Quoting Joyner" after "Dan
        Joyner, a law professor"; not "the Fifth Amendment")."""
        full = self.person(phrase)
        return full is not None and (self._described_name(full) or full in self.people or self.known(full) is not None)

    def _proper_name(self, name: str) -> bool:
        """Whether ``name`` is written as a body's name: capitalised words (joined by "of", "and", "&" ...), no
        possessive, neither a place nor a date ("Department of Homeland Security", "Sunday Times"; not
        "MGM's lawsuit", "Facebook page", "Friday", "Boston")."""
        words = name.split()
        return bool(words) and all(w[:1].isupper() or w in _NAME_CONNECTORS for w in words) \
            and words[0][:1].isupper() and not re.search(r"(?:’s|'s)\b", name) \
            and not all(_TIME_WORDS.fullmatch(w) for w in words) \
            and not (self.sides.is_place(name) and self.roles.type_of(name) is None) \
            and not _ON_DATE.search(name)  # "... Administration on Monday"

    @functools.cached_property
    def _described_companies(self) -> dict[str, str]:
        """Names the article describes as companies, with the words that describe them: an apposition ("NSO
        Group, an Israeli surveillance company"), a company's noun before the name ("the ride-hailing company
        Lyft", "the plane maker Airbus") or a corporate suffix ("Harlow Inc.")."""
        nouns = r"(?:" + "|".join(noun for noun, kind in _BODY_KINDS.items() if kind == "company") + r")(?![\w’'])"
        name = r"((?:[A-Z][\w’'&\-]*[ ]+){0,3}[A-Z][\w’'&\-]*)"  # within a line
        found = {company: "" for company in self._companies}
        for pattern, at_name, at_words in (
                (name + r",[ ]+((?:an?|the)[ ]+(?:[\w’'\-]+[ ]+){0,4}?" + nouns + r")", 1, 2),
                (r"((?:[\w’'\-]+[ ]+){0,3}" + nouns + r")[ ]+" + name, 2, 1)):
            for m in re.finditer(pattern, self.text):
                cand = _POSSESSIVE.sub("", m.group(at_name))
                one_word = " " not in cand
                # (a person's name is no company's, though one word may be both: "Apple, the iPhone maker")
                if self._proper_name(cand) and cand not in _SENTENCE_WORDS and not self.roles.is_role_word(cand) \
                        and (one_word or self.person(cand) is None):
                    found.setdefault(cand, m.group(at_words))
        return found

    def _organisation_before(self, at: int, outlets: bool = True) -> _Source | None:
        """The organisation named last in the 400 characters before ``at`` (a capitalised term of the roles
        lexicon that is no government, army or person's role: "Chair of The Elders", "Amnesty International"; an
        outlet only with ``outlets``), or None."""
        window = self.text[max(0, at - 400):at]
        kinds = ("international_ngo", "armed_group", "other", "expert") + (("media",) if outlets else ())
        for a, b, typ, strong in reversed(self.roles.matches(window)):
            if strong and typ in kinds and \
                    window[a:a + 1].isupper():
                phrase = re.search(r"(?:The\s+)?(?:[A-Z][\w’'&\-]*\s+){0,4}$", window[:a])
                words = (phrase.group(0) if phrase else "").split()
                while words and words[0] in _SENTENCE_WORDS and words[0] != "The":
                    words.pop(0)  # "But NRA President ...": a sentence's first word is no word of the name
                return self._resolve(" ".join(words + [window[a:b]]), at, (at, at))
        return None

    def _owner_side(self, full: str, parts: list[str]) -> str | None:
        """The side of the person whose official ``full`` is ("Ms. Merkel's spokesman" -> Merkel's side)."""
        self.people.setdefault(full, (None, None))  # no loop through two people who own each other
        for part in parts:
            owner = re.match(r"(.+?)(?:’s|'s)\s", part or "")
            who = self.person(owner.group(1)) if owner else None
            if who and who != full:
                side = self._person(who, owner.group(1)).affiliation
                if side is not None:
                    return side
        return None

    def _described(self, typ: str, side: str | None, at: int, title: str | None = None,
                   whole: str | None = None) -> str | None:
        """The person of the article of type ``typ`` with side ``side``: the only one, else the one of unknown
        side (any side, for a description that names none: "the president") named last before ``at`` (else
        first after it), within 600 characters, or beyond them the one the article titles with the description
        ``whole`` of several words ("Foreign Minister Lundeg Purevsuren" for "the foreign minister"); None when
        there is none. Of several, those the article titles with the office ``title`` names come first
        ("President Trump" for "the president", not the special counsel named nearer, nor a "Vice President", a
        "former president" or a "president of" a union)."""
        known = [(name, t, s) for name, (t, s) in self.people.items()]
        # people named anywhere in the article, typed by their titles
        for m in re.finditer(r"(?:[A-Z][\w’'\-]+\s+){0,3}[A-Z][\w’'\-]+", self.text):
            full = self.person(m.group(0))
            # (not a place the description follows: "peace in the Middle East, the Israeli leader said")
            if full and full not in self.people and full not in [k[0] for k in known] and not self._place_like(full):
                ctx = self.context(full)
                if ctx:
                    known.append((full, self.roles.type_of(ctx), self.side_of(ctx)))
        if side is not None:
            # (not one the roles lexicon gives another side: "Ukraine's president" is not President Obama)
            known = [(name, t, s) for name, t, s in known if self._listed_side(name) in (None, side)]
        same = self._distinct(name for name, t, s in known if t == typ and s == side)
        if side is not None and len(same) == 1:
            return same[0]
        if same and side is not None:
            return None  # two people of that side hold such an office: which one is not said
        open_ = self._distinct(name for name, t, s in known if t == typ and (s is None or side is None))
        if side is None and self.home is not None and self.setting() in (None, self.home):
            # "the president" with no country, in an article about no other country: the home side's
            # ("Trump's version of his talks with Putin ... the president told interpreters": Trump); not for an
            # office the home side has no holder of by the lexicon, which someone of the article is titled with
            # and no one of the home side (by the article or the lexicon) is, by the description's whole office:
            # "the chancellor" in an American story of Trump meeting Merkel (but "the secretary" beside "Secretary
            # of State John Kerry" and "Foreign Secretary William Hague" is Kerry; a "Deputy Prime Minister" of no
            # side named is no home holder of "the Prime Minister")
            ours = [name for name in open_ if all(s in (None, self.home) for n, t, s in known if n == name and t == typ)]
            sides = {n: s for n, t, s in known if t == typ}
            if not (title and (self.home, title.lower()) not in self.roles.offices
                    and any(_holds(self.context(name), title) for name in open_)
                    and not any(_holds(self.context(name), whole or title, of=True) for name in ours
                                if self.home in (sides.get(name), self._listed_side(name)))):
                open_ = ours or open_
        if len(open_) <= 1:
            return open_[0] if open_ else None
        distance = {}
        for name in open_:
            # the person is mostly named by the surname ("Trump fired ..." after "President Trump")
            hits = [m.start() for m in re.finditer(r"(?<![\w\-])" + re.escape(name.split()[-1]) + r"(?![\w\-])",
                                                   self.text)]
            # a description refers back: the person named last before it, else the one named first after it
            before = [at - h for h in hits if h < at]
            distance[name] = min(before) if before else min((h - at for h in hits), default=len(self.text))
        near = [name for name in open_ if distance[name] <= 600]
        holders = [name for name in open_ if _holds(self.context(name), whole)] if whole and " " in whole else []
        if len(holders) == 1 and holders[0] not in near:
            return holders[0]
        if title:
            titled = [name for name in near if _holds(self.context(name), title)]
            anywhere = [name for name in open_ if _holds(self.context(name), title)] if side is None and not any(
                _holds(self.context(name), title, of=True) for name in near) else []
            # (one person under two spellings, but "Trump" is no "Melania Trump")
            anywhere = [name for k, name in enumerate(anywhere) if not any(
                " " in name and " " in o and _one_name(name, o) for o in anywhere[:k])]
            dated = self._dated_holder(title)
            if anywhere and dated is not None and dated not in [name.split()[-1] for name in anywhere]:
                # the holder on the article's date by the lexicon, when the article names them, else no one:
                # "President Vladimir Putin ... Secretary of State Mike Pompeo said ... Trump ... The president
                # said" is Trump, not the nearest official
                return next((name for name in open_ if name.split()[-1] == dated), None)
            if len(anywhere) == 1 and anywhere[0].split()[-1] == (dated or anywhere[0].split()[-1]) and \
                    not self._another_holder(anywhere[0], title, at):
                # "President Donald Trump ..." long before "Secretary of State Mike Pompeo admitted ... than the
                # president stated": the one the article titles with the office, not a nearer holder of another
                # (for a description that names no side, when no one near holds the office of something: "Bill de
                # Blasio, mayor of New York City ... the mayor said"; unless the article names another who held
                # the office on its date by the lexicon's ``offices:``: "President Lyndon B. Johnson" in a story
                # of 2018 that names Trump; nor past another holder the article brings in unnamed: "Circuit Judge
                # Bob LeBlanc ... an Orange County judge ... the judge said")
                return anywhere[0]
            near = titled or near
        return min(near, key=distance.__getitem__) if near else None

    def _distinct(self, names: Iterable[str]) -> list[str]:
        """The distinct ``names`` without those that are part of a longer one (:func:`_collapse`), but for a
        surname that names someone of their own, no namesake (:meth:`full_name`: "Trump" of "President Trump"
        beside "first lady Melania Trump")."""
        names = list(dict.fromkeys(names))
        kept = set(_collapse(names))
        return [n for n in names if n in kept or " " not in n and self._namesakes_of(n) and self.full_name(n) is None]

    def _another_holder(self, name: str, office: str, at: int) -> bool:
        """Whether, after the last mention of the person ``name`` before ``at``, the article brings in an unnamed
        holder of ``office`` ("an Orange County judge", "another Revolutionary Guards commander", "an officer's
        day"), whom a description at ``at`` may be."""
        last = max((m.end() for m in self._occurrences(name.split()[-1]) if m.end() <= at), default=0)
        head = re.escape(office.split()[-1])
        return re.search(r"(?i)(?<![\w\-])(?:an?|another|one)\s+(?:[\w’'.\-]+\s+){0,3}?" + head + r"(?![\w\-])",
                         self.text[last:at]) is not None

    def _held_on_date(self, office: str) -> str | None:
        """Who held ``office`` of the ``home`` side on the article's date, by the lexicon's ``offices:``, or None."""
        holders = self.roles.offices.get((self.home or "", office), ())
        return next((n for a, b, n in holders if self.date is not None and a <= self.date
                     and (b is None or self.date < b)), None)

    def _dated_holder(self, office: str) -> str | None:
        """The surname of :meth:`_held_on_date`, when the article writes it; else None."""
        name = self._held_on_date(office)
        surname = name.split()[-1] if name else None
        return surname if surname and next(self._occurrences(surname), None) is not None else None

    def _holder(self, office: str, mention: str) -> str | None:
        """Who held ``office`` of the ``home`` side on the article's date, by the lexicon's ``offices:``, for the
        bare description ``mention`` ("the president said" in an American story of October 2017 that names Trump
        but never as the president): only in an article about no other country that names the holder and uses
        the office's word for no one else (every "president" of it is "the president", "U.S. president" or
        before the holder's name; not "the French president", "the company's president", "the former
        president", "president of the NAACP"); None otherwise."""
        if not re.fullmatch(r"(?i)the\s+" + re.escape(office), mention.strip()) or \
                self.setting() not in (None, self.home):
            return None
        written = self._dated_holder(office)
        if written is None:
            return None
        name, surname = self._held_on_date(office), re.escape(written)
        around = self.text[self._window[0]:self._window[1]] if self._window is not None else ""
        if any(t[3] and t[2] == "other" and around[t[0]].isupper() for t in self.roles.matches(around)):
            # an organisation named in its sentence or the one before may be the one presided ("The NAACP
            # criticized ... The president said")
            return None
        word = r"(?<![\w\-])" + r"\s+".join(map(re.escape, office.split())) + r"(?![\w\-])"
        for m in re.finditer(r"(?i)" + word, self.text):
            before, after = self.text[max(0, m.start() - 20):m.start()], self.text[m.end():m.end() + 40]
            if office == "president" and re.search(r"(?i)vice[\s\-]+$", before):
                continue  # the vice president's office, another word
            plain = re.search(r"(?:^|\s)(?:[Tt]he|U\.S\.|US|American)\s+$", before) and \
                not re.match(r"\s+of\b", after)
            if not plain and not re.match(r"\s+(?:[A-Z][\w.’'\-]*\s+){0,2}" + surname + r"(?![\w\-])", after):
                return None  # another president the article names: which one is meant is not said
        return name

    def _named_after(self, words: str, at: int) -> str | None:
        """The one person whose full name the article writes right after ``words`` before ``at`` ("former
        astronaut Mark Kelly" for "former astronaut"), outside quotations; None when none or several are."""
        found = set()
        # (written in lower case, as a description is, not a title's capitals: "State Sen. Ann Lee" for "the state";
        # a capital only where a sentence opens: "Former astronaut Mark Kelly testified")
        words = words.lower()
        pattern = re.compile(r"(?<![\w\-])[" + words[0].upper() + words[0] + "]" + re.escape(words[1:])
                             + r"\s+([A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-.]*){1,3})")
        for m in pattern.finditer(self.text, 0, at):
            if self.text[m.start()].isupper() and not self._opens_sentence(m.start()) or \
                    self.roles.is_role_word(m.group(1).split()[0]):
                continue  # (nor words before a title: "Defense Secretary Jim Matson" for "the defense")
            full = self.person(m.group(1)) if not self.in_quote(m.start()) else None
            if full is not None and " " in full:
                found.add(full)
        return found.pop() if len(found) == 1 else None

    def _titled(self, title: str, at: int, modifier: str | None = None) -> str | None:
        """The person named last in the 1,500 characters before ``at`` whose title, right before that mention or
        an earlier one, holds the word ``title`` ("chief" of "Police Chief Dan Oates ... Oates said ... the chief
        said") and ``modifier`` when given ("interim"), outside quotations; None when there is none."""
        word = re.compile(r"(?i)(?<![\w\-])" + re.escape(title) + r"(?![\w\-])")
        checked: set[str] = set()  # a person checked at a later mention has no such title at an earlier one
        for m in reversed(list(_NAME.finditer(self.text, max(0, at - 1500), at))):
            if self.in_quote(m.start()):
                continue
            full = self.person(m.group(0))
            if full is None or full in checked or m.start() + m.group(0).rfind(full.split()[-1]) < m.start():
                continue
            checked.add(full)
            surname = re.compile(r"(?<![\w\-])" + re.escape(full.split()[-1]) + r"(?![\w\-])")
            # (a modifier in lower case may stand before the title read: "interim Austin police Chief Brian Manley")
            titles = [(self._title_before(n.start()), self.text[max(0, n.start() - 60):n.start()].lower())
                      for n in surname.finditer(self.text, 0, m.end()) if not self.in_quote(n.start())]
            if any(word.search(t) and (modifier is None or modifier in t.lower() or
                                       re.search(r"\b" + re.escape(modifier) + r"\s+(?:[\w.’']+\s+){0,4}$", ahead))
                   for t, ahead in titles):
                return full
        return None

    def _author(self, mention: str, sentence: tuple[int, int]) -> _Source | None:
        """The author a document phrase names: its possessor ("Trump’s inaugural address"), the body it is from
        ("a statement from the SDF"), an agent after it ("a national survey ... conducted by the CDC"), or for "a
        tweet", "a statement" the first person named before it in the sentence ("O'Rourke responded with a tweet
        saying"); None when there is none."""
        candidates = []
        owner = list(_OWNER.finditer(mention))
        if owner:
            candidates.append(mention[:owner[-1].start()])
        made = _made_by_body(mention)
        if made:
            candidates.append(made)  # "a statement from the SDF"
        pos = self.text.find(mention, sentence[0], sentence[1])
        if pos >= 0:
            agent = _DOCUMENT_AGENT.match(self.text, pos + len(mention), sentence[1])
            if agent and agent.group(1)[:1].islower() and "," in agent.group(0):
                agent = None  # (a body described, not named, past a comma is in what is said: "a video surfaced,
                # saying he was held by a group")
            if agent and not _OBTAINED_BEFORE.search(mention + self.text[pos + len(mention):agent.start(1)]):
                # ("emails obtained by CNN": the outlet that has them is no author)
                candidates.append(agent.group(1).rstrip("."))
            issuer = self._issuer(pos, pos + len(mention), sentence[0])
            if issuer:
                candidates.append(issuer)  # "The White House has released a statement that says"
            if re.match(r"(?i)an?\s", mention) and self._head(mention).lower() not in _FINDINGS:
                # (a poll or a study is no work of a person the sentence names: "Voters preferred President Obama
                # ..., according to a poll"; nor are capitals a person: "UPDATE 2:05 PM ET:")
                before = self.text[sentence[0]:pos]
                candidates += [m.group(0) for m in _NAME.finditer(before) if self.person(m.group(0))
                               and not all(_CAPITALS.fullmatch(w) for w in m.group(0).split())][:1]
        for phrase in candidates:
            src = self._resolve(phrase, sentence[0], sentence)
            if src.kind in ("person", "thing") and src.source_type not in ("unknown", "document"):
                return src
        possessive = re.match(r"(?i)(his|her|its|their)\s", mention)
        if possessive and pos >= 0:
            # "Her plan calls for", "his statement said": the one the possessive pronoun stands for
            pronoun = {"his": "he", "her": "she", "its": "it", "their": "they"}[possessive.group(1).lower()]
            src = self._antecedent(pronoun, _PRONOUNS[pronoun], pos)
            if src.kind in ("person", "thing", "anonymous") and src.source_type not in ("unknown", "document"):
                return src
        return None

    def _described_person(self, mention: str, head: str, cue_start: int) -> str | None:
        """The one person named in the 1,500 characters before ``mention`` whose titles or appositive hold its
        description, for a description with no name ("Jane Doe, a lawyer for the family, ... The lawyer said", "the
        Paris prosecutor, Francois Molins, ... the prosecutor said"); None when there is none or several, or for a
        plural, an office the lexicon dates ("the president"), a noun for anyone or for the unnamed ("the man", "the
        official"), or a body ("the committee"). A relative is the one the article describes so ("Jane Doe, the
        victim's mother, ... The mother said"), else unnamed."""
        # (a relative by the kin word alone: "The suspects' uncle" after "Tsarnaev's uncle, Ruslan Tsarni")
        kin = head in _KIN and re.fullmatch(r"(?i)the\s+(?:[a-z][\w\-]*(?:’s|'s|’|')\s+)?[a-z][\w\-]*", mention)
        description = "the " + head if kin else mention
        if not head or _singular(head) != head or head in _OFFICES or head in _INDEFINITE_ONLY or \
                head in self.roles.anonymous_heads and not kin or head in _COLLECTIVE or \
                not _BARE_DESCRIPTION.fullmatch(description) or not re.match(r"(?i)the\s", description) or \
                not self.roles.people_noun(head) or \
                self.roles.type_of(head) == "document" or head in self.roles.office_heads:
            return None
        # the whole description, its words in the same order ("the prime minister" is no interior minister)
        words = description.lower().split()[1:]
        described = re.compile(r"(?<![\w\-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w\-])")
        at = self._written_at(mention, cue_start)
        # (a relative's possessor written as a common noun is theirs: "the victim's mother" is no "suspect's mother")
        owner = re.match(r"(?i)the\s+([a-z][\w\-]*)(?:’s|'s|’|')\s", mention) if kin else None
        found = []
        for m in _NAME.finditer(self.text, max(0, at - 1500), at):
            full = self.person(m.group(0))
            if full is not None and full not in found and described.search(self.context(full).lower()) and \
                    (owner is None or not self._other_owner(full, head, _singular(owner.group(1).lower()))):
                found.append(full)
        return found[0] if len(found) == 1 else None

    def _other_owner(self, full: str, kin: str, owner: str) -> bool:
        """Whether the article describes ``full`` as the relative ``kin`` of a person named by a common noun other
        than ``owner`` ("the suspect's mother", "the mother of the gunman" for the victim's mother)."""
        context = self.context(full)
        owners = re.findall(r"(?<![\w’'\-])([a-z][\w\-]*)(?:’s|'s|’|')\s+" + re.escape(kin) + r"\b", context) + \
            re.findall(r"\b" + re.escape(kin) + r"\s+of\s+(?:the|a|an)\s+([a-z][\w\-]*)", context)
        return any(_singular(o) != owner for o in owners)

    def _made_by_verb(self, head: str, cue_start: int) -> _Source | None:
        """The source of the last statement before ``cue_start`` made with the verb of the document ``head``
        ("The fire started at noon, the Associated Press reported. ... according to the report", "Trump’s account
        tweeted ... That tweet"), when the article spoke of no such document before it nor names another since;
        None otherwise."""
        verb = _DOCUMENT_VERBS.get(_singular(head))
        if verb is None:
            return None
        noun = _noun_forms(head)
        for start, src, _ in reversed(self.previous):
            if start >= cue_start:
                continue
            if cue_start - start > 1500:
                break
            if not re.match(verb, self.text[start:start + 12], re.IGNORECASE):
                continue
            for other in noun.finditer(self.text[:max(start, self._sentence_start)]):
                anaphoric = _ANAPHORIC_DOCUMENT.search(self.text, max(0, other.start() - 40), other.start())
                if (other.start() < start) == bool(anaphoric) and not self.in_quote(other.start()):
                    # such a document the article spoke of before ("the report from special counsel Robert
                    # Mueller ... the Washington Post reported ... according to the report"), or one named after
                    # it ("X reported ... a new UN report ... the report"): not the one the verb made
                    return None
            if src.kind in ("person", "thing") and src.source_type not in ("unknown", "document") and \
                    (head not in _PUBLISHED or src.source_type == "media"):
                return src
            return None
        return None

    def _earlier_author(self, head: str, cue_start: int) -> _Source | None:
        """The author the article gives a document before ``cue_start`` ("the memos" after "the memos that
        former FBI Director James B. Comey wrote", "the report" after "a confidential Navy report", "the
        release" after "he said in a news release"): the nearest earlier mention of the same document noun
        that names its author, by a name before the noun ("Mr. Comey’s memos", "the Navy report"), a clause
        after it ("that X wrote", "written by X", "by X") or the statement it was made in ("X said in a
        release"); None when no mention does."""
        for m in reversed(list(_noun_forms(head).finditer(self.text[:cue_start]))):
            if _IN_DOCUMENT.search(self.text, max(0, m.start() - 60), m.start()):
                # "In a June statement, police described ...": the subject of the clause the phrase opens
                comma = self.text.find(",", m.end(), m.end() + 200)
                for start, src, _ in self.previous:
                    if comma >= 0 and comma < start <= comma + 150 and \
                            src.kind in ("person", "thing", "anonymous") and \
                            src.source_type not in ("unknown", "document") and \
                            not re.search(r"[.!?][\s”\"]", self.text[comma:start]):
                        return src
            for phrase in self._document_authors(m.start(), m.end()):
                src = self._resolve(phrase, m.start(), (m.start(), m.end()))
                if src.kind in ("person", "thing") and src.source_type not in ("unknown", "document"):
                    return src
            issuer = self._issuer(m.start(), m.end())
            if issuer:
                # "The NRA also issued a statement ... the statement said": who issued it
                src = self._resolve(issuer, m.start(), (m.start(), m.end()))
                if src.kind in ("person", "thing") and src.source_type not in ("unknown", "document"):
                    return src
            said = re.search(r"\b(?:said|says|stated|announced|wrote|writes|added|concluded|concludes|found|finds|"
                             r"noted|notes|reported|reports|argued|argues|warned|warns|claimed|claims|explained|"
                             r"acknowledged|revealed|disclosed|detailed)\s+(?:(?:" + _DAY_NAMES + r")\s+)?(?:in|on)\s+"
                             r"(?:an?\s+|the\s+|his\s+|her\s+|its\s+|their\s+)?(?:[\w\-]+\s+){0,2}$",
                             self.text[max(0, m.start() - 60):m.start()])
            made_in = None if said else \
                re.search(r"\b[Ii]n\s+(?:an?|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,2}\Z",
                          self.text[max(0, m.start() - 40):m.start()])
            if made_in:
                # "President Donald Trump in a statement blamed ...": the source of the statement made in it, named
                # right before it (not "he linked himself to ISIS in a tweet posted")
                named_end = max(0, m.start() - 40) + made_in.start()
                while named_end and self.text[named_end - 1].isspace():
                    named_end -= 1  # (where the name before "in a" ends, read in place, not from a copy of the text)
                made = next((src for start, src, written in self.previous
                             if start >= m.end() and not self.text[m.end():start].strip() and written
                             and not _MADE_AFTER_DOCUMENT.match(self.text, start)
                             and self.text.endswith(written, 0, named_end) and src.kind in ("person", "thing")
                             and src.source_type not in ("unknown", "document")), None)
                if made is not None:
                    return made
            if said:
                at = m.start() - 60 + said.start() if m.start() >= 60 else said.start()
                for start, src, _ in reversed(self.previous):
                    if at - 3 <= start <= m.start() and src.kind in ("person", "thing") and \
                            src.source_type not in ("unknown", "document"):
                        return src
        return None

    def _issuer(self, start: int, end: int, lo: int = 0) -> str | None:
        """Who issued the document written at ``text[start:end]``, named right before its verb from ``lo`` on ("The
        NRA also issued a statement"); None when the name is the object of a preposition or follows a title ("The
        U.S. Embassy in Kyiv released", "Critics of the White House released", "Supporters of Gov. Tom Brown
        released"), or when the document is issued from someone else ("The White House released a statement from
        the president")."""
        issued = _ISSUED.search(self.text, max(lo, start - 120), start)
        if issued is None or _FROM_OR_BY.match(self.text, end) or \
                _OBJECT_BEFORE.search(self.text, max(lo, issued.start() - 20), issued.start()):
            return None
        return issued.group(1)

    def _document_authors(self, start: int, end: int) -> list[str]:
        """Phrases naming the author of the document noun at ``text[start:end]``: the capitalised words or
        possessor before it, and the agent of a clause after it."""
        out = []
        before = re.search(r"((?:[A-Z][\w.’'&\-]*[^\S\n]+){0,4}[A-Z][\w.’'&\-]*?)(?:(?:’s|'s)[^\S\n]+"
                           + _DESCRIBING + r"{0,3}|[^\S\n]+)$", self.text[max(0, start - 80):start])
        if before and before.group(1) not in _SENTENCE_WORDS:
            out.append(before.group(1))
        owner = re.search(r"(?<![\w’'\-])((?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)"
                          r"(?:’s|'s)\s+(?:(?!(?:" + "|".join(sorted(PREPOSITIONS)) + r")\s)[a-z][\w\-]*\s+){0,2}$",
                          self.text[max(0, start - 80):start])
        if before is None and owner and self.roles.type_of(owner.group(1)) not in (None, "document"):
            out.append(owner.group(1))  # "the special counsel's report", "the ministry's annual report"
        after = self.text[end:end + 160]
        clause = re.match(r"\s*,?\s*(?:that|which)\s+((?:[\w.’'\-]+\s+){0,6}?[A-Z][\w.’'\-]+)\s+(?:had\s+|has\s+)?"
                          r"(?:wrote|write|writes|written|issued|released|published|prepared|compiled|drafted|sent|"
                          r"signed|produced|commissioned|conducted|filed)\b", after)
        if clause:
            out.append(clause.group(1))
        # (not the outlet that has it: "The emails obtained by Fox News were sent by the embassy")
        # (a full stop ends it, not an initial's: "a report by the U.S. Justice Department")
        clause_end = re.search(r"[;:“”\"]|\.(?!\w)(?<!\b[A-Z]\.)", after)
        for agent in re.finditer(r"\b(?:by|from)\s+(?:the\s+)?((?:[a-z]+\s+){0,2})"
                                 r"((?:the\s+)?[A-Z][\w.’'&\-]*(?:\s+[A-Z][\w.’'&\-]*){0,4})",
                                 after[:clause_end.start() if clause_end else len(after)]):
            if agent.start() > 40 or _CLAUSE_BEFORE_AGENT.search(after, 0, agent.start()):
                break  # (not past a clause that says what it holds: "a statement that Ullah entered the U.S. from")
            first = agent.group(2).split()[0]
            if not _OBTAINED_BEFORE.search(after[:agent.start()]) and \
                    all(w in self.roles.titles for w in agent.group(1).split()) and \
                    not (agent.group(1) and _TIME_WORDS.fullmatch(first)):
                # (after titles only: "the report from special counsel Robert Mueller"; not "carried by the official
                # Korean Central News Agency", which is no author, nor the day after "from the president Tuesday")
                name = re.sub(r"(?<!\b[A-Z])\.$", "", agent.group(2))  # (an initial keeps its stop: "U.N.")
                initials = re.match(r"(?:the\s+)?(?:[A-Z]\.){2,}", name)
                if initials and initials.end() < len(name) and not self.roles.is_role_word(name.split()[-1]):
                    # (a body's name goes on past its initials, "the U.S. Justice Department"; a sentence after
                    # them does not: "a report by the U.N. Afghan forces were weak")
                    name = initials.group(0)
                out.append(name)
                break
        return out

    def _group_before(self, at: int, counted: bool = False) -> _Source | None:
        """The unnamed people the article names last before ``at`` in the window, after the last source, who are
        "they" ("Trump critics are pleased. “Finally,” they say"), or with ``counted`` "some", "others" or "one"
        of them ("Residents were divided. Some said ..."; "Two officials briefed reporters. One said": the
        officials, counted), or None.

        People named by an anonymous head ("critics", "officials") count wherever they stand; people named only by
        a civilian noun ("farmers", "teenagers") only as a clause's subject, for an object is seldom who speaks next
        ("Officers arrested two teenagers. They said": the officers). "Some" or "one" of a group counted by a number
        is of that group; "some" or "one" are of no group when a source spoke in the window ("Officials said troops
        killed two militants. One said": neither troops nor militants)."""
        window = self._window
        if window is None:
            return None
        last = max((start for start, src, _ in self.previous if src.kind not in ("none", "pronoun")), default=-1)
        if counted and last >= window[0]:
            return None
        lo = max(window[0], last + 1)
        found = []  # ((phrase start, end), named by an anonymous head, a clause's subject, counted by a number)
        for m in _PEOPLE_PLURAL.finditer(self.text, lo, at):
            word, pos = m.group(1), m.start(1)
            start = pos - len(_BEFORE_PEOPLE.search(self.text, max(lo, pos - 60), pos).group(0))
            if self.in_quote(pos) or word[:1].isupper() and (
                    not (self._opens_sentence(pos) or word.lower() in _PARTY_MEMBERS)
                    or re.match(r"\s+[A-Z]", self.text[m.end():])):
                continue  # (a capital opening a sentence or a party's: "Residents", "Democrats"; not "Citizens United")
            head = word.lower() in self.roles.anonymous_heads
            if not head and self.roles.type_of(word.lower()) != "civilian":
                continue
            # a clause's subject: a verb after it, or no more than two words, no verb, between it and the opening of
            # its sentence ("Residents of the town were", "Two officials briefed", "Many Iranian officials")
            words = [w for w in re.finditer(r"[\w’'\-]+", self.text[max(lo, pos - 40):pos])][-2:]
            subject = _VERB_AFTER.match(self.text, m.end()) is not None or any(
                self._opens_sentence(opening) for opening in [pos] + [max(lo, pos - 40) + w.start() for w in words
                                                                      if not re.fullmatch(r"[a-z]+ed", w.group(0))])
            number = _COUNTED_BY.search(self.text, max(lo, pos - 30), pos) is not None
            found.append(((start, m.end()), head, subject, number))
        if window[0] <= last < self._sentence_start <= at:
            # of what that source said in the sentence before, only the people it is about ("Police said
            # protesters gathered. They said": the protesters; not "Ukrainian officials say Russia built a
            # network of agents. One of them, they say, is ...": the officials)
            found = [f for f in found if f[0][0] >= self._sentence_start or _VERB_AFTER.match(self.text, f[0][1])]
        chosen = [f for f in found if f[3]] if counted else []
        chosen = chosen or [f for f in found if f[2]] or [f for f in found if f[1]]
        if not chosen:
            return None
        phrase = self.text[chosen[-1][0][0]:chosen[-1][0][1]]
        own = re.sub(r"^.*(?:’s|'s)\s", "", phrase)
        return _Source(None, self.roles.type_of(own) or "unknown", self.side_of(phrase), True, "anonymous")

    def _clause_subject(self, begin: int, end: int) -> str:
        """The name that opens ``text[begin:end]`` as the subject of its verb, past adverbs, auxiliaries and asides
        ("The Kremlin certainly lied", "The National Rifle Association hasn’t budged", "Ukraine on Tuesday
        released", "Turkey, meanwhile, is angered"); else "" (not a pronoun, a noun phrase with lower-case words
        or people: "News of the decision came", "Democrats are clamoring")."""
        toks = tokenize(self.text, begin, end)
        got = main_subject(toks, 0, len(toks))
        if got is None or got[0] != 0:
            return ""
        words = toks[1 if toks[0].low == "the" else 0:got[1] + 1]
        name = next((n for n, t in enumerate(words) if not t.is_capitalised), len(words))
        rest = [t.low for t in words[name:]]
        if not name or rest and not (rest[0] in ("on", "in") and time_phrase(rest[1:])) \
                or words[0].low in _PRONOUNS or self.roles.people_noun(words[name - 1].low):
            return ""  # (a time may follow the name: "Ukraine on Tuesday released")
        for m in _NAMED_CLAUSE.finditer(self.text, words[name - 1].end, end):
            # a nearer clause with a name for its subject, not closed before "it" ("Britain summoned ... after
            # Moscow expelled diplomats it accused"; not "after Tuesday's attack, which it blamed on Iran")
            word = re.match(r"[\w’'.\-]+", self.text[m.end() - 1:])
            if word and _POSSESSIVE.sub("", word.group(0)).lower() not in DAYS | MONTHS \
                    and "," not in self.text[m.end():end]:
                return ""
        return self.text[toks[0].start:words[name - 1].end]

    def _antecedent(self, pronoun: str, want: str, at: int | None = None) -> _Source:
        window = self._window
        # a person the article shows to be of the other sex is no antecedent ("Congresswoman Jane Harman ... He
        # said"), nor an unnamed one ("the mother said. He told police")
        sex = pronoun.lower() if pronoun.lower() in ("he", "she") else None

        def fits(full: str) -> bool:
            return sex is None or self.gender(full) in (None, sex)
        if pronoun.lower() == "they" and at is not None and window is not None:
            group = self._group_before(at)
            if group is not None:
                return group
        # where the pronoun's own sentence starts (the previous one is in the window before it)
        own = min(max(self._sentence_start, window[0]), at) if at is not None and window is not None else None
        if own is not None and pronoun.lower() in ("he", "she"):
            # the person who opens the pronoun's own sentence as its subject ("Commentator Ann Coulter, who had
            # backed Trump, summed up the mood when she tweeted"), before whoever spoke earlier
            m = _SUBJECT_NAME.match(self.text, own, at)
            full = self._named_person(m.group(1), m.start(1), m.end(1)) if m and not self.in_quote(m.start(1)) \
                else None
            if full is not None and fits(full):
                return self._person(full, m.group(1))
            # the subject of a clause that opens the sentence before the pronoun's own ("While Jim Granados of the
            # American Psychological Association supports the laws, he adds")
            m = _FRONTED_SUBJECT.fullmatch(self.text, own, at)
            full = self._named_person(m.group(1), m.start(1), m.end(1)) if m else None
            if full is not None and fits(full):
                return self._person(full, m.group(1))
            # the person a description that opens the sentence names, before "and he" ("The chief did not take
            # questions, and he added" after "Police Chief Thomas Jackson")
            m = _DESCRIBED_SUBJECT.fullmatch(self.text, own, at)
            words = m.group(1).split() if m else []
            for n in range(2, len(words) + 1):  # the shortest description that names a person ("The chief")
                src = self._resolve(" ".join(words[:n]), m.start(1), (own, at))
                if src.kind == "person" and src.source and fits(src.source):
                    return src
        # a person named in this or the previous sentence, when no person spoke there ("Sen. Robert
        # Menendez ... has had similar concerns. He wrote ...", "The rioting caught Simon Hinton ... he says");
        # a body or a document that spoke there ("The effort, said to include ...") is no "he" or "she"
        if own is not None and want in ("person", "any") and pronoun.lower() != "they" and \
                not any(window[0] <= start < at and src.kind in ("person", "anonymous", "pronoun")
                        for start, src, _ in self.previous):
            # the pronoun's own sentence first ("Commentator Ann Coulter, who ..., summed up the mood when she
            # tweeted"), then the sentence before it; not a name inside a quotation (the speaker's own words
            # name others: "“... since President Obama was doing ...,” he said")
            for lo, hi in ((own, at), (window[0], own)):
                reporter = None
                for m in _TITLED_NAME.finditer(self.text, lo, hi):
                    if self.in_quote(m.start()) or _ADDRESSED.search(self.text, max(0, m.start() - 40), m.start()):
                        continue  # (nor the one spoken to: "told CNN's Jim Clancy")
                    start = self._past_sentence_end(m)
                    if self._after_pronoun(start, m.end(), sex):
                        continue  # (nor the one "he" acts on)
                    full = self._named_person(self.text[start:m.end()], start, m.end())
                    if full is None or not fits(full):
                        continue
                    if not self._reporter(m.group(0), m.start()):
                        return self._person(full, self._with_past(start, m.end()))
                    # "CNN's Jake Tapper interviewed Sen. Susan Collins. She said": an outlet's journalist only when
                    # no one else is named there
                    reporter = reporter or (full, self._with_past(start, m.end()))
                if reporter is not None:
                    return self._person(*reporter)
            # no one named there: an unnamed person who is the subject of the sentence before ("This month, a
            # Florida legislator brought forth a bill. He cited ...")
            toks = tokenize(self.text, window[0], own)
            got = main_subject(toks, 0, len(toks))
            phrase = self.text[toks[got[0]].start:toks[got[1]].end] if got else ""
            head = self._head(phrase)
            # (not one a passive acts on: "a teenager was shot"; nor one of the other sex: "a congresswoman")
            passive = got is not None and _PASSIVE_AFTER.match(self.text, toks[got[1]].end, own)
            if re.match(r"(?i)an?\s", phrase) and self.roles.people_noun(head) and _singular(head) == head \
                    and not passive and (sex is None or head not in _OF_ONE_SEX[_OTHER_SEX[sex]]) \
                    and not self.in_quote(toks[got[0]].start):
                src = self._resolve(phrase, at, (window[0], own))
                if src.anonymous:
                    return src
            elif re.match(r"(?i)the\s", phrase) and self.roles.is_role_word(head) and not passive \
                    and not self.in_quote(toks[got[0]].start):
                # nor a described one: the person a description that is the subject of the sentence before names
                # ("Yet even the president seemed to know it would be a hurdle. He said ...": the president the
                # lexicon dates on the article's day, whom the article names, not whoever spoke paragraphs before)
                src = self._resolve(phrase, toks[got[0]].start, (window[0], own))
                holder = self._held_on_date(head)
                surname = src.source.split()[-1] if src.kind == "person" and src.source else ""
                if surname and fits(src.source) and (
                        _role_core(head) in self._title_words(src.source)
                        or holder is not None and holder.split()[-1] == surname
                        or next(self._occurrences(surname, window[0], own), None) is not None):
                    # (one who holds the office or whom the sentence names: "He met with Netanyahu first, but the
                    # Israeli leader was not optimistic"; not "Western Pacific" for "The admiral")
                    return src
        if own is not None and want == "thing" and pronoun.lower() == "it":
            # "The FBI released photos of two men it described as suspects", "On July 17, Israel sent troops to
            # destroy tunnels it said Hamas had built": the body that opens its sentence; for "It" opening its
            # own, the body that opened the sentence before, when no body spoke in the two ("The Pentagon released
            # a statement on Monday. It said ...")
            opens = _OPENING.match(self.text, own, at)
            spans = [(own, at, opens.end() if opens else own)]
            if window[0] < own and re.match(r"[Ii]t\b", self.text[spans[0][2]:at].lstrip()) and \
                    not any(window[0] <= start < at and src.kind == "thing" for start, src, _ in self.previous):
                before = _OPENING.match(self.text, window[0], own)
                spans.append((window[0], own, before.end() if before else window[0]))
            for lo, hi, begin in spans:
                m = _BODY_OPENING.match(self.text, begin, hi)
                # (past its verb's modifiers only in the pronoun's own sentence, and not when "it" stands after the
                # clause it reports: "A number of militants were killed, it added" reports the clause)
                body = m.group(1) if m else "" if hi != at or re.search(r",\s*\Z", self.text[begin:hi]) \
                    else self._clause_subject(begin, hi)
                if body and self.person(body) is None and (self.roles.type_of(body) or self.sides.find(body)):
                    return self._resolve(body, at, (lo, hi))
        for cue, src, written in reversed(self.previous):
            if src.kind == "none" or src.kind == "pronoun":
                continue
            if pronoun.lower() in ("they", "them") and src.kind == "person" and not self._joint(written, cue) \
                    and window is not None:
                # "Officials told the Post that Trump discussed ... They said": the unnamed people who spoke in
                # this or the previous sentence, not the one person who spoke after them
                unnamed = next((p for c, p, _ in reversed(self.previous) if window[0] <= c < cue and p.anonymous), None)
                if unnamed is not None:
                    return unnamed
                if at is not None and cue < self._sentence_start and not self._together(
                        min(window[0], self._written_at(written, cue) if written else cue, cue - 150), at):
                    # one person who spoke alone in a sentence before is no "they" ("Kushner said ... The Saudis
                    # claimed ... They also said"): a pronoun left unresolved, whether it stands for unnamed people
                    # or a body the person belongs to (in the person's own sentence "they" is who the person speaks
                    # of, "Pence said they discussed"; people who spoke together are the first named: "said in a
                    # joint statement ... they added")
                    return _Source(pronoun, "unknown", None, False, "pronoun")
            if src.kind == "person" and src.source and not fits(src.source) or \
                    pronoun.lower() in ("it", "its") and src.kind == "anonymous":
                continue  # (nor is "it" unnamed people: "The army said the militants were threatening. It added")
            if want == "any" or (want == "person") == (src.kind == "person"):
                asked = _ASKED.match(self.text, cue) if sex and src.kind == "person" else None
                if asked:
                    # "CNN's Wolf Blitzer asked Sen. John Smith about the vote. He said": the one asked answers
                    answer = self._named_person(asked.group(1), asked.start(1), asked.end(1))
                    if answer is not None and fits(answer):
                        return self._person(answer, asked.group(1))
                return src
            if want == "person" and src.kind == "anonymous" and sex and written and written.lower() == sex and \
                    window is not None and cue >= window[0]:
                return src  # "the officer's relative said ... “...,” she said ... she told CNN": the same unnamed one
            one = self._one_unnamed(written) if want == "person" and src.kind in ("anonymous", "thing") else None
            if one and window is not None and at is not None and cue >= window[0] and \
                    not self._names_someone(window[0], at) and not (sex and one in _OF_ONE_SEX[_OTHER_SEX[sex]]) \
                    and (src.kind == "anonymous" or sex and one in _ON_RECORD):
                # "“Stop,” the officer said. Later he said it again": the officer, who spoke in this or the
                # previous sentence, where no one is named ("Rahami had to go through screening, according to
                # the official. At that time, he told immigration officials": Rahami); a spokesman, who speaks on
                # the record ("A spokesman for Pakistan's military said ... He said")
                return src
        if at is not None and want == "person":
            # no source before it: the person of the article named nearest before the pronoun
            for m in reversed(list(_NAME.finditer(self.text, 0, at))):
                if self.in_quote(m.start()):
                    continue
                start = self._past_sentence_end(m)
                if self._after_pronoun(start, m.end(), sex):
                    continue
                full = self._named_person(self.text[start:m.end()], start, m.end())
                if full is not None and fits(full):
                    return self._person(full, self._with_past(start, m.end()))
        return _Source(pronoun, "unknown", None, False, "pronoun")

    def _past_sentence_end(self, m: re.Match[str]) -> int:
        """Where the name of the run of capitalised words ``m`` starts, past a sentence's last word before it
        ("Ohio. Ivanka Trump", "December.\n\nMr Ghorbani")."""
        start = m.start()
        for end in re.finditer(r"([\w’'\-]+)\.\s+", m.group(0)):
            if len(end.group(1)) > 1 and not self._title(end.group(1) + "."):
                start = m.start() + end.end()
        return start

    def _with_past(self, start: int, end: int) -> str:
        """The name written at ``text[start:end]`` with the words of its sentence before it that say its role is
        past ("former St. Louis police Officer Jason Stockley" for "Officer Jason Stockley", "Retired Houston
        homicide detective Brian Foster"; not "a former aide to Sen. John Smith", "his ex-boss Sen. John Smith")."""
        past = _PAST_BEFORE.search(self.text, self._sentence_opening(start, 80), start)
        return self.text[past.start() if past else start:end]

    def _sentence_opening(self, pos: int, reach: int) -> int:
        """Where the sentence that holds ``pos`` starts, looking back at most ``reach`` characters (a title's full
        stop ends no sentence: "Sen. John Smith")."""
        lo = max(0, pos - reach)
        return max((m.end() for m in _SENTENCE_END.finditer(self.text, lo, pos)), default=lo)

    def _after_pronoun(self, start: int, end: int, sex: str | None) -> bool:
        """Whether "he" or "she" (``sex``) stands before the name at ``text[start:end]`` in the same stretch of its
        sentence, outside quotations, or opens the sentence as the subject of the clause the name is in: the name
        is then whom that one acts on, not that one ("Later he met President Vladimir Putin. He said ...", "When he
        compares Robert E. Lee to George Washington", "He decided not to respond ..., leaving the impression that
        ..."). Not a "he" of a clause that the name, as a subject, comes after ("After he met reporters, Sen. John
        Smith left", "Before he left office President Barack Obama signed"), a "he" of a clause before "and" or
        "but" with a subject of its own ("He left, and Sen. John Smith took the floor"), a "he" the name is ("He is
        Sgt. John Smith") nor the surname He ("Vice Premier He Lifeng")."""
        if sex is None:
            return False
        opening = self._sentence_opening(start, 300)
        stretch = max((m.end() for m in _STRETCH_END.finditer(self.text, opening, start)), default=opening)
        subject = _FINITE_AFTER.match(self.text, end) is not None
        for m in _HE_SHE[sex].finditer(self.text, stretch, start):
            if not self.in_quote(m.start()) and not _IS_THE_NAME.fullmatch(self.text, m.end(), start) and not (
                    subject and _OPENS_CLAUSE_BEFORE.search(self.text, stretch, m.start())):
                return True
        he = _OPENS_WITH[sex].match(self.text, opening, start)
        return he is not None and not self.in_quote(opening) and not _NEW_CLAUSE.search(self.text, opening, start) \
            and not _IS_THE_NAME.fullmatch(self.text, he.end(), start)

    def _reporter(self, name: str, start: int) -> bool:
        """Whether the name written ``name`` at ``start`` is owned by an outlet ("CNN's Jake Tapper")."""
        owned = re.match(r"(.+?)(?:’s|'s|’|')\s", name) or \
            re.search(r"((?:[A-Z][\w.&\-]*\s){0,3}[A-Z][\w.&\-]*)(?:’s|'s|’|')\s+$", self.text[max(0, start - 40):start])
        return owned is not None and self.roles.type_of(owned.group(1)) == "media"

    def gender(self, full: str) -> str | None:
        """"he" or "she" for the person ``full`` as the article itself shows it: a title of one sex right before
        the full name ("Congresswoman Maxine Waters", "husband Mark Kelly"); None when it shows neither or both (an
        honorific before a surname is no evidence of a full name: "Mrs. Clinton" beside "Bill Clinton"; it is of
        a surname the article never completes: "Mr. Moon")."""
        if full not in self._genders:
            found = set()
            # (the full name only: "husband Bill Clinton" says nothing of Hillary Clinton; and the title after a
            # possessor: "Mother Jones's Mark Follman", a name read with its possessor, is no mother)
            hits = [] if re.search(r"[’']s\s", full) else \
                re.finditer(r"(?<![\w\-])" + re.escape(full) + r"(?![\w\-])", self.text)
            for m in hits:
                given = re.search(r"([A-Z][\w’'\-]*)\s+$", self.text[max(0, m.start() - 40):m.start()])
                if " " not in full and given and not self._title(given.group(1)):
                    continue  # a surname alone: not the "Obama" of "first lady Michelle Obama"
                if not self.in_quote(m.start()):
                    title = re.split(r"(?:’s|'s)\s+", self._title_before(m.start()))[-1]
                    if " " not in full and self._bearers(full, self._namesakes_of(full), title, strict=True):
                        continue  # a namesake's title: "Ms. Trump" of "Ivanka Trump" beside "Mr. Trump"
                    words = {w.strip(".") for w in title.lower().split()}
                    found |= {sex for sex, nouns in _OF_ONE_SEX.items() if words & nouns}
                    if " " not in full:  # a surname the article never completes: "Mr. Moon" is a man
                        found |= {sex for sex, nouns in _HONORIFIC_SEX.items() if words & nouns}
            if not found and " " in full:
                # the article shows neither: the given name's, where names of that spelling are nearly all one
                # sex's ("Donald", "Angela"; not "Kim", "Jordan")
                found = {given_name_sex(full.split()[0])} - {None}
            elif not found:
                # a surname the article never completes: the sex of those the lexicon lists under it ("Trump")
                found = {self.roles.surname_sex.get(full)} - {None}
            self._genders[full] = found.pop() if len(found) == 1 else None
        return self._genders[full]

    def _names_someone(self, start: int, end: int) -> bool:
        """Whether a person of the article is named in ``text[start:end]`` outside quotations, not as the possessor
        of another ("Kozel's son said")."""
        return any(not self.in_quote(m.start()) and not _POSSESSIVE.search(m.group(0))
                   and self._named_person(m.group(0), m.start(), m.end()) is not None
                   for m in _TITLED_NAME.finditer(self.text, start, end))

    def _one_unnamed(self, written: str | None) -> str | None:
        """The head of the unnamed source written ``written`` when it is one person ("the officer", "a senior
        official", "one witness", "a spokesman for the army"), whom "he" or "she" can take up, not several
        ("officials", "police", "the family"); else None."""
        words = (written or "").split()
        if len(words) < 2 or words[0].lower() not in ("the", "a", "an", "one", "another", "that", "this", "his", "her",
                                                      "their") and not _POSSESSIVE.search(words[0]):
            return None  # ("Kozel's son", "his wife" are one person too)
        head = self._head(written).lower()  # ("a senior official familiar with the talks": an official)
        return head if head == _singular(head) and (head in self.roles.anonymous_heads or head in _ON_RECORD) \
            and head not in _SEVERAL else None

    def _both(self, cue_start: int) -> _Source:
        """The source of "Both said": the first of two named together in its sentence or the one before ("Trump
        and Kim Jong Un met in Hanoi. Both said"), else two people the article does not name."""
        start = self._window[0] if self._window is not None else self._sentence_start
        # ("Theresa May, and the foreign secretary, Boris Johnson, both described": a title set off between)
        pairs = list(re.finditer(r"(?:[Tt]he\s+)?" + _NAME_RUN + r",?\s+(?:and|&)\s+(?:[^,.;]{0,60},\s+)?(?:the\s+)?"
                                 + _NAME_RUN, self.text[start:cue_start]))
        if pairs and self.sides.aliases.get(pairs[-1].group(1), ("", ""))[1] != "people":  # not "Russian and ..."
            first = self._resolve(pairs[-1].group(1), cue_start, (start, cue_start))
            if first.kind in ("person", "thing") and not first.anonymous:
                return first
        return _Source(None, "unknown", None, True, "anonymous")

    def _together(self, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]``, outside quotations, names people together or says they spoke as one ("Sen.
        John McCain and South Carolina Sen. Lindsey Graham slammed", "in a joint statement"), so that a "they"
        after it may stand for them."""
        return any(not self.in_quote(m.start()) for pattern in (_TOGETHER, _NAMES_JOINED)
                   for m in pattern.finditer(self.text, max(0, lo), hi))

    def _joint(self, mention: str | None, cue_start: int) -> bool:
        """Whether ``mention``, the source of the cue at ``cue_start``, is the first of several who spoke
        jointly ("Smith and Jones said")."""
        if not mention:
            return False
        end = self._written_at(mention, cue_start) + len(mention)
        return _JOINED_NAME.match(self.text, end, cue_start) is not None

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` is inside one of the article's quotations."""
        return in_quote(pos, self.quoted, self.quoted_starts)

    def _named_person(self, name: str, start: int, end: int) -> str | None:
        """The person of the article the run of capitalised words ``name`` at ``text[start:end]`` names, as an
        antecedent of "he" or "she": not a name that modifies a role after it ("the Obama administration"), a
        place after "in" ("in Las Vegas") nor a name the article writes as a place's or a thing's ("the Middle
        East", see :meth:`_place_like`)."""
        if "\n" in name or all(_CAPITALS.fullmatch(_POSSESSIVE.sub("", w)) for w in name.split()) \
                or self._alone_on_line(start, end):
            # no mention of a person in running text: "AD\n\nAD" (advertising residue), "AMY GOODMAN:" (a
            # transcript's speaker label), a heading or a caption line
            return None
        full = None if self._place_like(_POSSESSIVE.sub("", name)) else self.person(name)
        if full is None or not self._of_article(full) or self._modifier(end) \
                or _LOCATIVE.search(self.text, max(0, start - 12), start) or full.split()[0] in _ORDINALS \
                or self._heading_only(full):
            # nor "the Second Amendment", nor a "full name" found only as a line of its own: a heading ("Tactics,
            # ..." after the heading "Brilliant Tactics")
            return None
        return full

    def _heading_only(self, full: str) -> bool:
        """Whether the name ``full`` is written, as such, only as lines of their own (a heading)."""
        hits = list(re.finditer(re.escape(full), self.text))
        return bool(hits) and all(self._alone_on_line(m.start(), m.end()) for m in hits)

    def _line(self, start: int, end: int) -> tuple[int, int]:
        """Where the line that holds ``text[start:end]`` starts and ends."""
        hi = self.text.find("\n", end)
        return self.text.rfind("\n", 0, start) + 1, len(self.text) if hi < 0 else hi

    def _alone_on_line(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is the whole of its line, give or take punctuation (a heading)."""
        lo, hi = self._line(start, end)
        return not re.search(r"\w", self.text[lo:start] + self.text[end:hi])

    def _modifier(self, end: int) -> bool:
        """Whether the name ending at ``end`` modifies a role or body after it ("the Obama administration",
        "a Trump attorney"): no mention of the person as someone who acts."""
        m = re.match(r"\s+([a-z][\w\-]*)", self.text[end:end + 40])
        return m is not None and (m.group(1) in self.roles.titles or bool(self.roles.matches(m.group(1))))

    def _of_article(self, full: str) -> bool:
        """Whether the person ``full`` is a person of the article: one who spoke, has a title or is named again
        ("a Toyota Camry", a headline's "Related: Guantanamo Bay Hunger Strike" are named once, without a title),
        or one introduced by where they come from ("Linda Elliot of Moms Against Gun Control")."""
        return full in self.people or bool(self.roles.matches(self.context(full))) or len(re.findall(
            r"(?<![\w’'\-])" + re.escape(full.split()[-1]) + r"(?![\w\-])", self.text)) > 1 or re.search(
            r"(?<![\w’'\-])" + re.escape(full) + r",?\s+(?:of|from)\s+(?:the\s+)?[A-Z\d]", self.text) is not None

    def _recent(self, cue_start: int) -> _Source | None:
        """The source who spoke last before ``cue_start`` (the author of "the statement"), when there is one."""
        for start, src, _ in reversed(self.previous):
            if start < cue_start and src.kind in ("thing", "person"):
                return src
        return None

    def _unnamed_people(self, mention: str, head: str) -> bool:
        """Whether ``mention`` is a person or people it does not name, by a noun for people written in lower
        case: plural ("farmers", "the refugees", "Exxon workers") or after "a", "an", "one", "another" ("a local
        businessman", "one tribesman"); not a spokesman or a presenter, who speak for a body on the record, nor
        "the chairmen", who hold offices the article named."""
        singular = _singular(head)
        if not head or head in _ON_RECORD or not self.roles.people_noun(head) or \
                singular in self.roles.titles and re.match(r"(?i)(?:the|these|those|both)\s", mention):
            return False  # "the chairmen said in a joint statement": the holders of offices the article named
        words = _WORD.findall(mention)
        written = [w for w in words if w.lower().strip(".") == head]
        if not written or written[-1][:1].isupper() and (
                words[0] != written[-1] or not re.search(r"(?<![\w\-])" + re.escape(head) + r"\b", self.text)):
            # "State Farmers Union", "Bob Farmer": a name's word; a capital opening the sentence is a name's unless
            # the article writes the word in lower case too ("Fishermen said ... the fishermen", not "Reuters")
            return False
        return singular != head or bool(re.match(r"(?i)(?:a|an|one|another)\s", mention))

    def _head(self, phrase: str) -> str:
        cut = _HEAD_CUT.search(" " + phrase + " ")
        part = (" " + phrase)[:cut.start()] if cut and cut.start() > 0 else phrase
        words = _WORD.findall(part)
        if words and words[-1].lower() in _QUANTITIES and cut and cut.group(0) == " of ":
            return self._head(phrase[cut.end() - 1:])  # "a group of lawmakers", "dozens of witnesses": the people
        if len(words) >= 2 and words[-1].endswith("ed") and words[-1].islower() \
                and words[-2].lower() not in _DETERMINER_WORDS:
            words.pop()  # "a U.S. official briefed", "a diplomat based", "a man arrested": the noun before
        return _POSSESSIVE.sub("", words[-1]).lower().strip(".") if words else ""


#: a person's role from other articles: those within this many days of the article, when any are
_PEOPLE_WINDOW = pd.Timedelta(days=365)


def _corpus_roles(known: list[tuple[str, str | None, str, pd.Timestamp | None]], doc_id: str,
                  day: pd.Timestamp | None) -> tuple[str, str | None] | None:
    """The type and side the articles of the corpus other than ``doc_id`` give one person by their own words
    (``known``: type, side, article, date), for an article that gives none: of the articles within a year of
    ``day`` when there are any, else of all, the type most give, when it has at least twice the articles of
    the next (else None), and the side most of those give."""
    found = [(typ, side, when) for typ, side, other, when in known if other != doc_id]
    if day is not None:
        near = [f for f in found if f[2] is not None and abs(f[2] - day) <= _PEOPLE_WINDOW]
        found = near or found
    if not found:
        return None
    counts = pd.Series([typ for typ, _, _ in found]).value_counts()
    if len(counts) > 1 and counts.iloc[0] < 2 * counts.iloc[1]:
        return None
    typ = str(counts.index[0])
    sides = pd.Series([side for t, side, _ in found if t == typ and side is not None], dtype=object)
    return typ, (str(sides.value_counts().index[0]) if len(sides) else None)


def _one_name(a: str, b: str) -> bool:
    """Whether the names ``a`` and ``b`` can be one person's: the words of the shorter are the longer's, in order,
    with an initial for a given name ("Donald J. Trump" and "Donald Trump", "Debbie Wasserman Schultz" and
    "Wasserman Schultz"; not "Melania Trump" and "Donald Trump", nor "Donald Trump Jr."); a particle in either case ("James van Beek" and
    "Van Beek" opening a sentence)."""
    short, long_ = sorted((a.split(), b.split()), key=len)
    if len(short) > 1 and is_generation(short[-1]) != is_generation(long_[-1]):
        return False  # "Donald Trump Jr." is not "Donald Trump" (though "Trump Jr." is the one and "Trump" may be)
    words = iter(long_)
    return all(any(w == x or re.fullmatch(r"[A-Z]\.", w) and x.startswith(w[0])
                   or w.lower() == x.lower() and w.lower() in _NAME_PARTICLES for x in words) for w in short)


def _sex_of(honorific: str) -> str | None:
    """The pronoun of the sex an honorific names ("mr" -> "he", "mrs", "ms", "miss" -> "she"), else None."""
    return None if honorific not in _HONORIFICS or honorific == "mx" else "he" if honorific == "mr" else "she"


def _nickname(a: str, b: str) -> bool:
    """Whether the given names ``a`` and ``b`` may be one person's: one is the other, or the other's first
    three letters open it ("Gabby" and "Gabrielle", "Rob" and "Robert"), or one is the initial of the other."""
    a, b = a.lower().strip("."), b.lower().strip(".")
    return a == b or len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3] or a[:1] == b[:1] and min(len(a), len(b)) == 1


def _noun_forms(head: str) -> re.Pattern[str]:
    """The document noun ``head`` in the singular or plural, in any case ("report", "Reports")."""
    stem = re.escape(re.sub(r"(?:es|s)$", "", head)) if len(head) > 4 else re.escape(head)
    return re.compile(r"(?<![\w\-])" + stem + r"(?:s|es)?(?![\w\-])", re.IGNORECASE)


def _singular(word: str) -> str:
    """The singular of a lower-case English plural noun ("farmers" -> "farmer", "businessmen" -> "businessman",
    "deputies" -> "deputy", "witnesses" -> "witness"); a word that is no plural comes back as it is."""
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


#: a capitalised name, then the common noun of what it is or made or of who speaks for it ("Reuters news agency", "the
#: Hankyoreh newspaper", "a Justice Department probe", "a Quinnipiac poll from", "an ADL spokesman")
_NAME_THEN_NOUN = re.compile(r"((?:[A-Z][\w.’'&\-]*\s+){0,5}[A-Z][\w.’'&\-]*)\s+(?:news\s+agency|newspaper|daily|"
                             r"magazine|website|poll|survey|probe|investigation|report|statement|study|"
                             r"spokes(?:man|woman|person))(?:\s+from)?")
#: where a body is based, or the language it writes in, before its name ("the London-based", "an English-language")
_BASED = re.compile(r"^(?:[\w.’'\-]+-(?:based|language)\s+)+")
#: what a body made, then the body ("a statement from the SDF", "a report from the Department of Defense News"), or
#: its spokesman ("a spokesman for the Podesta Group")
_MADE_FROM = re.compile(r"(?:[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}\s+(?:from|by)|"
                        r"spokes(?:man|woman|person)\s+(?:for|of))\s+(?:the\s+)?([A-Z][\w.’'&\-]*"
                        r"(?:\s+(?:of|for|and|on|the|[A-Z][\w.’'&\-]*)){0,7})")


def _made_by_body(mention: str) -> str | None:
    """The body a phrase names as the maker of a text or the one a spokesman speaks for ("SDF" of "a statement from
    the SDF", "Podesta Group" of "a spokesman for the Podesta Group"), up to "on" unless a body's noun stands before
    it ("the Council on Foreign Relations"; not "a statement from Trump on Twitter"); None when it names none."""
    m = _MADE_FROM.fullmatch(_DETERMINER.sub("", mention.strip()))
    if m is None:
        return None
    words = m.group(1).split()
    cut = next((k for k in range(1, len(words)) if words[k] == "on" and not links_body_name(words, k)), len(words))
    return " ".join(words[:cut])


def _surname(full: str) -> str:
    """The surname of the person ``full``: the last word, or the one before a generation ("Martin Luther King Jr."
    -> "King")."""
    words = full.split()
    return words[-2] if len(words) >= 3 and is_generation(words[-1]) else words[-1]


def _without_name(mention: str, full: str) -> str:
    """``mention`` with the words of the person's name ``full`` taken out ("Rep. Peter King of New York" ->
    "Rep. of New York")."""
    words = set(full.split())
    kept = mention.split()
    credit = [k for k, w in enumerate(kept) if w in _CAPTION]
    kept = kept[credit[-1] + 1:] if credit else kept  # "AP Photo Tillerson": a caption's credit is no title
    return " ".join(w for w in kept if _POSSESSIVE.sub("", w) not in words)


def _holds(titles: str, office: str, of: bool = False) -> bool:
    """Whether one of ``titles`` (joined by " ; ") names the office ``office`` (one or more words) itself, as
    its head and held now: "U.S. President" holds "president"; "Vice President", "former president",
    "president of the union" do not; "NRA Executive Vice President" holds "executive vice president". With
    ``of``, an office of something holds it too ("Secretary of State" holds "secretary")."""
    word = re.compile(r"(?i)(?<![\w\-])" + r"[\s\-]+".join(map(re.escape, office.split())) +
                      r"(?![\w\-])" + ("" if of else r"(?!\s+of\b)"))
    for part in titles.split(" ; "):
        for m in word.finditer(part):
            before = [w.strip(".") for w in part[:m.start()].lower().split()]
            if not (before and before[-1] in _NOT_THE_OFFICE) and not _PAST.intersection(before):
                return True
    return False


def _role_core(word: str) -> str:
    """A word as the roles lexicon lists it: lower case, without full stops and without "-elect" or
    "-designate" ("Speaker-designate" -> "speaker")."""
    return re.sub(r"-(?:elect|designate)$", "", word.lower().strip("."))


def _collapse(names: Iterable[str]) -> list[str]:
    """Distinct names, without those that are part of a longer one ("Hossein" in "Hossein Amir-Abdollahian")."""
    distinct = list(dict.fromkeys(names))
    return [n for n in distinct if not any(n != m and f" {n} " in f" {m} " for m in distinct)]


# ------------------------------------------------------------------------------------------- statements

def _statement(text: str, sentence: tuple[int, int], cue: tuple[int, int],
               speaker: tuple[int, int] | None) -> tuple[int, int]:
    """The reported clause of a cue without quotation marks (see the module documentation)."""
    s, e = sentence
    a, b = cue
    tail_from = max(b, speaker[1]) if speaker and speaker[0] >= a else b
    tail = text[tail_from:e]
    front = min(a, speaker[0]) if speaker else a
    if len(_WORD.findall(tail)) <= 5 and front > s:
        lo, hi = s, front
    else:
        lo, hi = b, e
        m = re.match(r"[\s,]*(?:(?:on|last|this|late|early)\s+\w+\s+|\w+day\s+)?(?:that\s+)?", text[lo:hi])
        lo += m.end() if m else 0
    while hi > lo and text[hi - 1] in " \t\n,;:.—–-“”\"":
        hi -= 1
    while lo < hi and text[lo] in " \t\n,;:“”\"":
        lo += 1
    if hi <= lo:
        return s, e
    return lo, hi


def _kind_of(text: str, quotes: list[Any], cue: tuple[int, int]) -> str:
    q = quotes[0]
    content = text[q.start:q.end]
    before = text[:q.start].rstrip()
    if before[-1:] in "“\"‘'«":
        before = before[:-1].rstrip()
    starts_sentence = (not before or before[-1] in ".!?:,\n" or before.endswith(("—", "–"))
                       or (cue[1] <= q.start and not text[cue[1]:q.start].strip(" \t“\"‘'«:,")))
    return "direct" if starts_sentence and content[:1].isupper() or content[:1].isdigit() and starts_sentence \
        else "partial"


# ------------------------------------------------------------------------------------------- the measure

@registry.measure("sources", requires=("annotations", "matches", "actors"), produces=SOURCE_COLUMNS)
def sources(
    corpus: pd.DataFrame, *, actors: Mapping[str, Any] | str | PathLike[str] | None = None,
    lexicon: str | PathLike[str] | None = None, roles: Mapping[str, Iterable[str]] | None = None,
    sides: Mapping[str, Iterable[str]] | None = None, attribution_lexicon: str | PathLike[str] | Lexicon = "attribution",
    home: str | None = None, annotations: Annotations | None = None, matches: pd.DataFrame | None = None,
    attributions: pd.DataFrame | None = None, people: str = "article",
) -> pd.DataFrame:
    """One row per attributed statement, with its source, the source's type, side and anonymity.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text``; an optional ``date`` column lets the roles lexicon's
        ``terms:`` type office holders the article names without a title by the article's date.
    actors : mapping or path, optional
        Sides a study names, ``{side: [alias, ...]}`` (as :func:`framing.actor_labels` takes them, e.g.
        ``{"Pakistan": ["Islamabad", "Pakistan's foreign ministry", "Mumtaz Zahra Baloch"]}``), searched
        before the bundled gazetteer.
    lexicon : path, optional
        A roles lexicon in the format of the bundled ``lexicons/sources.yaml`` (used instead of it).
    roles : mapping, optional
        Extra terms by type, ``{"government": ["cabinet office"]}``, added to the lexicon as strong terms.
    sides : mapping, optional
        Extra gazetteer entries, ``{side: [term, ...]}``, searched after ``actors`` and before the bundled ones.
    home : str, optional
        The side of officials (government, military and security, politicians) whom neither the text nor the
        article's chain gives one (a named official or officer, or unnamed local officials, take the country
        the article is about first, when one dominates it): a side name (``"United States"`` for American
        outlets, where "President Obama" and "the Pentagon spokesman" need no country), or a column of
        ``corpus`` holding each document's (e.g. ``"country"``, the outlet's country). Default: no side.
    attribution_lexicon : str, path or Lexicon, default "attribution"
        The reporting verbs, passed to :func:`framing.attributions`.
    annotations : Annotations, optional
        From :func:`framing.annotate` (with pronoun resolution); computed when omitted.
    matches : pandas.DataFrame, optional
        Matches of the attribution lexicon from :func:`framing.find`; computed when omitted.
    attributions : pandas.DataFrame, optional
        The corpus's :func:`framing.attributions` table (made with ``attribution_lexicon``), when a script
        or report has it already; computed when omitted.
    people : {"article", "corpus"}, default "article"
        Where the role of a person the article names without one comes from. ``"article"``: the article and
        the roles lexicon alone (else civilian), so each document's rows depend on that document only (as
        :func:`framing.stream` needs). ``"corpus"``: also the other articles of ``corpus`` in which the same
        full name is a source with a role of its own ("Sen. John Cornyn said" in one article types "John
        Cornyn said ... Cornyn added" in another): those within a year of the article's ``date`` when there
        are any, the type most of them give when it has twice the articles of the next, with its side. Pass
        the whole corpus, not a chunk.

    Returns
    -------
    pandas.DataFrame
        One row per statement, in text order, columns :data:`SOURCE_COLUMNS`:

        - ``doc_id``, ``outlet``: the document.
        - ``source`` (str or None): the resolved name ("Hossein Amir-Abdollahian" for "Amir-Abdollahian",
          "the Iranian foreign minister" and "he" in one article); an institution as written without its
          determiner ("Pakistan’s foreign ministry"); None for an anonymous source or when none is named.
        - ``source_mention`` (str or None), ``source_start``, ``source_end`` (Int64): the speaker as the
          attribution gives it and where it is written.
        - ``source_type`` (str): one of :data:`SOURCE_TYPES`.
        - ``affiliation`` (str or None): the side the source speaks for ("Pakistan", "Iran", "United Nations").
        - ``anonymous`` (bool): an unnamed person or people ("a senior official", "sources").
        - ``verb``, ``verb_category``: the reporting cue and its stance, as in :func:`framing.attributions`.
        - ``kind`` (str): direct, partial or reported.
        - ``n_words`` (int): words of the statement (quoted words for quotations).
        - ``voice`` (str): the voice the cue stands in (always narrator; see the module documentation).
        - ``start``, ``end`` (int): the statement span, ``text[start:end]`` is the evidence.
        - ``cue_start``, ``cue_end`` (int): the reporting cue, the ``start``/``end`` of its attributions row.

    Raises
    ------
    framing.errors.SchemaError
        If ``corpus`` lacks a required column or ``actors`` is malformed.
    framing.errors.LexiconError
        If ``lexicon`` or ``roles`` is malformed (the message names the file and line or the type).
    framing.errors.UsageError
        If ``people`` is neither "article" nor "corpus".
    """
    schema.require(corpus, schema.CORPUS, what="corpus")
    check_option("people", people, ("article", "corpus"))
    ann = checked_annotations(corpus, annotations)
    extra: list[Mapping[str, Iterable[str]]] = []
    if actors is not None:
        extra.append(load_actors(actors))
    if sides:
        extra.append(dict(sides))
    role_table = _roles(lexicon, roles)
    gazetteer = bundled_sides().with_extra(*extra, role_table.sides)
    if attributions is None:
        att = find_attributions(corpus, lexicon=attribution_lexicon, annotations=ann, matches=matches)
    else:
        schema.require(attributions, schema.ATTRIBUTIONS + schema.ATTRIBUTIONS_EXTRA, what="attributions table")
        att = attributions
    att = att[~att["negated"] & ~att["hypothetical"] & (att["voice"] == "narrator")]
    quotes = ann.quotes
    by_verb: dict[tuple[str, int], list[Any]] = {}
    quoted: dict[str, list[tuple[int, int]]] = {}  # the direct quotations of each document, in text order
    for q in quotes[quotes["kind"] == "direct"].itertuples(index=False):
        if not pd.isna(q.verb_start):
            by_verb.setdefault((str(q.doc_id), int(q.verb_start)), []).append(q)
        quoted.setdefault(str(q.doc_id), []).append((int(q.start), int(q.end)))
    for spans_of_doc in quoted.values():
        spans_of_doc.sort()
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"]))
    if home is not None and home in corpus.columns:
        homes = {d: (None if pd.isna(h) else str(h)) for d, h in zip(corpus["doc_id"].astype(str), corpus[home])}
    else:
        homes = {d: home for d in texts}
    dates: dict[str, pd.Timestamp] = {}
    if "date" in corpus.columns:
        parsed = pd.to_datetime(corpus["date"], errors="coerce", utc=True, format="mixed").dt.tz_localize(None)
        dates = {d: t for d, t in zip(corpus["doc_id"].astype(str), parsed) if not pd.isna(t)}
    records: list[dict[str, Any]] = []
    untyped_rows: list[int] = []  # records of people their article gives no role
    known: dict[str, list[tuple[str, str | None, str, pd.Timestamp | None]]] = {}  # full name -> roles by article
    for doc_id, rows in att.groupby(att["doc_id"].astype(str), sort=False):
        text = without_link_cards(texts.get(doc_id) or "")  # (same offsets)
        spans = ann.sentence_spans(doc_id) or [(0, len(text))]
        starts = [a for a, _ in spans]
        doc = _Document(text, role_table, gazetteer, homes.get(doc_id), dates.get(doc_id), quoted.get(doc_id))
        spoken: list[tuple[int, tuple[int, int]]] = []  # (cue start, speaker span) as the attributions give them
        quoted_by: dict[int, str | None] = {}  # the side of the outlet that quotes the one named at an offset
        for r in rows.sort_values(["start", "end"]).itertuples(index=False):
            a, b = int(r.start), int(r.end)
            k = max(0, bisect.bisect_right(starts, a) - 1)
            sentence = spans[k]
            has_speaker = not (pd.isna(r.speaker_start) or pd.isna(r.speaker_end))
            speaker_span = (int(r.speaker_start), int(r.speaker_end)) if has_speaker else None
            # the side of the outlet that cites the source, when it does
            cited_by = quoted_by.get(speaker_span[0]) if speaker_span else None
            if speaker_span:
                # "As Egyptians marched, Dick Cheney said we should stand by him and called him a friend": a
                # speaker does not reach over the speaker of an earlier cue of the sentence, nearer the cue
                nearer = [span for at, span in spoken if sentence[0] <= span[0] and speaker_span[1] <= span[0]
                          and span[1] <= at < a]
                if nearer:
                    speaker_span = nearer[-1]
                elif not opens_subordinate_clause(text, speaker_span[0]):
                    # (not the speaker of a subordinate clause: "analysts cautioned that what Kim's regime is
                    # saying is bluster, noting": the analysts note)
                    spoken.append((a, speaker_span))
            if speaker_span and speaker_span[1] <= sentence[0]:
                # "“...,” she said" resolved to a name sentences back: the pronoun written at the cue is the
                # speaker, resolved here by the article's sources so far (the nearest earlier person)
                m = _PRONOUN_BEFORE.search(text, sentence[0], a) or _PRONOUN_AFTER.match(text, b, sentence[1])
                if m:
                    speaker_span = (m.start(1), m.end(1))
            if speaker_span:
                # "officials familiar with the matter said": the source is before the anonymity phrase
                m = _SHIELD.search(text, max(sentence[0], speaker_span[0] - 80), speaker_span[0])
                if m and m.end() == speaker_span[0] and doc.roles.people_noun(m.group(1).lower()):
                    speaker_span = (m.start(), speaker_span[1])
            if speaker_span:
                # "state TV, which cited health ministry sources", "the newspaper, citing police records": the
                # source cited is the source
                m = _CITING.match(text, speaker_span[1], sentence[1])
                if m and not m.start() <= a < m.end() and (
                        doc.cited_source(m.group(1), documents=True) or doc.person(m.group(1)) is not None
                        or re.match(r"(?:,[^,.;:“”\"]{1,80})?,?\s*as\s+(?:saying|having\s+said|telling)\b",
                                    text[m.end():])):
                    # (not when the citing verb is the cue itself, nor a reason cited: "Trump, citing security
                    # concerns, said": Trump; but a person: "The message, quoting Nelson Mandela, reads"; "Isna
                    # quoted a senior cleric, Yousef Tabatabai-Nejad, as saying": the cleric)
                    speaker_span = (m.start(1), m.end(1))
                else:
                    # "NBC reported, citing five current and former senior administration officials": the people or
                    # the body cited after the cue (not the reasons cited: "he said, citing threats to Israel"; nor
                    # the outlet that quotes the speaker: "..., quoted by Reuters"), of the citing outlet's side
                    # when they have none of their own ("Egypt's MENA reported, citing a health ministry official")
                    m = _CITING.match(text, b, sentence[1])
                    if m and not m.start() <= a < m.end() and not m.group(1).startswith("by ") and \
                            doc.cited_source(m.group(1)):
                        cited_by = doc.side_of(text[speaker_span[0]:speaker_span[1]])
                        speaker_span = (m.start(1), m.end(1))
            if text[a:b].lower() in CITING_CUES:
                # the cue is the citing participle itself ("The newspaper, citing police records, reported",
                # "citing a Reuters investigation", "Quoting Joyner:"): its source is the one cited, when it cites a
                # source, not a reason ("citing threats and safety issues": the subject's)
                m = _CITED_AFTER.match(text, b, sentence[1])
                if m and doc.cited_source(m.group(1), documents=True):
                    if speaker_span:
                        cited_by = doc.side_of(text[speaker_span[0]:speaker_span[1]])
                    speaker_span = (m.start(1), m.end(1))
            elif text[a:b].lower() in ("quoted", "quotes", "quote", "cited", "cites"):
                # "State media quoted a government official claiming": the one quoted speaks, of the quoting
                # outlet's side when of none of their own (as "X, citing Y" gives Y)
                m = _QUOTED_AS.match(text, b, sentence[1])
                if m and (doc.cited_source(m.group(1)) or doc.person(m.group(1)) is not None
                          or m.group(2) and doc.person(m.group(2)) is not None):
                    if speaker_span:
                        cited_by = doc.side_of(text[speaker_span[0]:speaker_span[1]])
                        quoted_by[m.start(1)] = cited_by  # (the participle after the one quoted cues the same)
                    speaker_span = (m.start(1), m.end(1))
            if speaker_span is None:
                speaker_span = doc.coordinated_subject(sentence, a) or doc.inverted_subject(sentence, b)
            if speaker_span:
                speaker_span = doc.fuller_span(speaker_span, sentence, a)
                speaker_span = doc.first_of_joint(speaker_span, sentence)
                opener = _OPENER.match(text, speaker_span[0], speaker_span[1])
                if opener is not None and given_name_sex(opener.group(1)) is None:
                    # "Even Trump said", "Then Obama said": the word that opens the sentence is no given name
                    speaker_span = (opener.end(), speaker_span[1])
                speaker_span = doc.name_before_clause(speaker_span, a)
            if not_a_speaker(text, speaker_span):
                # words that name no one ("so far", "Three weeks ago"): the subject of a verb coordinated before the
                # cue or the one named right after it, else no one
                speaker_span = doc.coordinated_subject(sentence, a) or doc.inverted_subject(sentence, b)
            mention = text[speaker_span[0]:speaker_span[1]] if speaker_span else None
            qs = sorted(by_verb.get((doc_id, a), []), key=lambda q: q.start) if not pd.isna(r.quote_id) else []
            # the sentence before the statement: before its quotation when that opens sentences earlier
            # ("Blumenthal said ... . “Some remarks are ... I also think ...,” he said")
            opening = max(0, bisect.bisect_right(starts, int(qs[0].start)) - 1) if qs else k
            partners = doc.partners(speaker_span, sentence) if speaker_span else None
            src = doc.resolve(mention, a, sentence, spans[max(0, min(k, opening) - 1)][0])
            # (the sentence read only for a person the lexicon dates)
            dated = doc.roles.dated.get(src.source) if src.kind == "person" and doc.date is not None else None
            said = _said_in(text, sentence, a, dated.campaign(doc.date)) if dated is not None else None
            if said is not None and said < doc.date:
                # "Trump claimed during the 2016 campaign", "He said of the Bush administration in 2007": an office
                # holder of the lexicon's terms is typed on the day the sentence says the words were said
                src = replace(src, source_type=dated.type_on(said))
            elif dated is not None and dated.in_office(doc.date) and src.source_type not in ("expert", dated.type_on(
                    doc.date)) and mention and doc.roles.type_of(_without_name(mention, src.source)) is None \
                    and not (speaker_span and doc._title_before(speaker_span[0])) \
                    and not _BEFORE_OFFICE.search(mention + " ; " + doc.context(src.source)):
                # "Obama said" in a story of 2016 that recalled "Senator Obama" once: the office the lexicon dates
                # on the article's day, not a title of the past read at another mention (this one names none; a
                # "former House speaker" commenting stays an expert, nor does a title written right before the name
                # give way, "then-Sen. Obama"; a story that tells of the time before the office, "Vice
                # President-elect Mike Pence", "candidate Trump", types by it)
                src = replace(src, source_type=dated.type_on(doc.date))
            if src.kind == "writer":
                continue
            if src.source_type == "unknown" and src.kind == "thing" and src.source and src.source[:1].isupper() \
                    and str(r.verb).lower().startswith("report"):
                # "..., Defense One reported": a named body of no known type that reports is an outlet
                src = _Source(src.source, "media", src.affiliation, src.anonymous, src.kind)
            doc.previous.append((a, src, mention))
            affiliation = src.affiliation
            if affiliation is None and cited_by is not None and src.source_type in _HOME_TYPES:
                affiliation = cited_by
            if affiliation is None and src.source_type == "expert" and \
                    doc.former_official(src.source if src.kind == "person" else None, mention):
                # a former official speaks from the past of the home side, or of the country a title no home office
                # carries names ("former Prime Minister Yukio Hatoyama" in an American story on Okinawa)
                affiliation = doc.abroad(src, mention, speaker_span[0] if speaker_span else a) \
                    if homes.get(doc_id) is not None else None
            official_record = src.source_type == "document" and mention and \
                doc.roles.type_of(mention) in _HOME_TYPES  # "government figures show", "court records show"
            if affiliation is None and (src.source_type in _HOME_TYPES or official_record):
                # unnamed officials ("authorities said"), their records and named officials whose titles name no
                # country ("Interior Minister Jan Jambon") belong to the country the article is about, when one
                # country dominates it; other named bodies and politicians to the outlet's home
                setting = doc.setting() if mention and (src.anonymous and doc.local(mention) or
                                                        src.kind == "thing" and doc.unnamed(mention) or
                                                        src.kind == "person" and src.source_type in _OFFICIAL) \
                    else None
                # (not unnamed foreigners: "Western security sources", "foreign diplomats" speak for no home)
                foreign = src.anonymous and mention is not None and _FOREIGN.search(mention) is not None
                if setting is None and src.anonymous and mention and not _NOT_OF_PLACE.search(mention) and \
                        not _ADMINISTRATION.search(mention) and not doc.sides.find(mention):
                    # "CAIRO (AP) — ... Officials said": unnamed officials of the place the story is filed from (not
                    # foreigners or diplomats there, officials of places the phrase names, nor "a senior
                    # administration official", the home government's in a story filed from a visit)
                    setting = doc.dateline
                affiliation = setting or (None if foreign else homes.get(doc_id))
                if affiliation is not None and affiliation == homes.get(doc_id):
                    affiliation = doc.abroad(src, mention, speaker_span[0] if speaker_span else a)
            if affiliation is None and src.anonymous and src.source_type == "civilian":
                # "supporters claimed", "the family of the victim said": the people of the country the article
                # is about, when one country dominates it
                affiliation = doc.setting()
            if src.source_type == "civilian" and affiliation is not None and affiliation == homes.get(doc_id):
                # the outlet's own civilians speak for no side, as the codebook codes them ("The family said" in a
                # story on a shooting in Texas, "Luke Somers, an American photojournalist")
                affiliation = None
            if partners is not None:
                # "China and Russia asked", "U.S. and Japanese officials said": several countries speak together,
                # for no one side, as the codebook codes them
                speaker_span = (partners, speaker_span[1])
                mention = text[partners:speaker_span[1]]
                src = replace(src, source=None if src.anonymous else mention)
                affiliation = None
            if qs:
                lo, hi = int(qs[0].start), int(max(q.end for q in qs))
                kind = _kind_of(text, qs, (a, b))
                n_words = sum(count_tokens(text[q.start:q.end]) for q in qs)
            else:
                local = speaker_span if speaker_span and sentence[0] <= speaker_span[0] < sentence[1] else None
                lo, hi = _statement(text, sentence, (a, b), local)
                kind = "reported"
                n_words = count_tokens(text[lo:hi])
            if people == "corpus" and src.kind == "person" and src.source in doc.untyped:
                untyped_rows.append(len(records))
            records.append({
                "doc_id": r.doc_id, "outlet": r.outlet, "source_mention": mention,
                "source": src.source,
                "source_start": speaker_span[0] if speaker_span else None,
                "source_end": speaker_span[1] if speaker_span else None,
                "source_type": src.source_type, "affiliation": affiliation, "anonymous": src.anonymous,
                "verb": r.verb, "verb_category": r.verb_category, "kind": kind, "n_words": n_words,
                "voice": r.voice, "start": lo, "end": hi, "cue_start": a, "cue_end": b,
            })
        if people == "corpus":
            for name, (typ, side) in doc.people.items():
                if typ is not None and name not in doc.untyped and len(name.split()) >= 2:
                    known.setdefault(name, []).append((typ, side, doc_id, dates.get(doc_id)))
    if people == "corpus":
        # a person an article gives no role: the role the corpus's other articles give the same full name
        for i in untyped_rows:
            rec = records[i]
            doc_id = str(rec["doc_id"])
            found = _corpus_roles(known.get(rec["source"], []), doc_id, dates.get(doc_id))
            if found is not None:
                rec["source_type"] = found[0]
                if found[1] is not None:
                    rec["affiliation"] = found[1]
                elif rec["affiliation"] is None and found[0] in _HOME_TYPES:
                    rec["affiliation"] = homes.get(doc_id)
    out = pd.DataFrame.from_records(records, columns=list(SOURCE_COLUMNS))
    for col in ("n_words", "start", "end", "cue_start", "cue_end"):
        out[col] = out[col].astype("int64")
    for col in ("source_start", "source_end"):
        out[col] = out[col].astype("Int64")
    out["anonymous"] = out["anonymous"].astype(bool)
    return out
