-- Helsingborg's annual report 2016 (årsredovisning), the goal pages of two
-- committees: Arbetsmarknadsnämnden and Socialnämnden.  Every row of both
-- pages: all perspectives, goals and metrics, the outcomes 2014-2016 and the
-- 2016 targets, written as the report writes them.
--
-- Loaded through the documented import path (README, "Loading a
-- spreadsheet"): COPY into the staging table goalmetrics.report_import, one
-- row per metric and year, then goalmetrics.import_report().  The rows are in
-- the report's own order; import_report() numbers new goals and metrics in
-- the order their rows arrive, so the annual report prints in this order.
--
--   psql -d yourdb -f data/helsingborg-2016.sql      (after CREATE EXTENSION)
--
-- The source is a scrape of an HTML table in which the cells are glued
-- together ("Egenförsörjning efter jobbprojekt59 %60 %48 %Minst 65 %").
-- The cells were split by the rules of ../shared/DOMAIN.md ("Reading the seed
-- tables"): a space only ever appears inside a number (as the thousands
-- separator), never between cells, and "-" is a missing value.  Rows that
-- split more than one way were read by plausibility:
--   Utvecklingsprocesser där invånarna aktivt medverkar  "-18"      = -, 1, 8
--   Fokus på arbete och studier ...                      "-03"      = -, 0, 3
--   Utveckla nya e-tjänster utifrån invånarens behov     "-11"      = -, 1, 1
--   Index för hållbart medarbetarengagemang              "737277"   = 73, 72, 77
--   Hållbart medarbetarengagemang (HME)                  "737377"   = 73, 73, 77
--   Klienternas helhetsintryck ... (NKI)                 "787779"   = 78, 77, 79
--   Invånare som får sysselsättning ... upphandling      "-2413"    = -, 24, 13
--                                  (not -, 2, 413: a count of 413 against
--                                   a target of 40 is implausible)
--   Intäkt av EU-bidrag eller annan extern finansiering  "6 75703 518"
--                                  = 6 757, 0, 3 518 (the only split into
--                                   well-formed numbers)
--
-- AMBIGUOUS ROW, reading chosen: "Ekonomiskt resultat217 5598 127Minst 0 tkr"
-- splits into well-formed numbers as 2 | 17 559 | 8 127 or as
-- 21 | 7 559 | 8 127; 2016 is 8 127 either way.  This file uses the FIRST
-- reading: 2014 = 2 tkr, 2015 = 17 559 tkr, 2016 = 8 127 tkr.  Nothing in
-- the 2016 report depends on the choice (the target "Minst 0 tkr" is met by
-- 8 127, and the trend compares 2014 with 2016: improving in both readings).
-- The target's unit "tkr" stands on the next line in the source; it is the
-- target "Minst 0 tkr".
--
-- The Swedish perspective names are used as the report prints them; import
-- matches them (or the English names) in any case.

-- The file is UTF-8 (the rows below), whatever the database's encoding.
SET client_encoding = 'UTF8';

COPY goalmetrics.report_import (committee, perspective, goal, metric, year, outcome, target) FROM stdin WITH (FORMAT csv, HEADER true);
committee,perspective,goal,metric,year,outcome,target
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter gymnasial vuxenutbildning,2014,65 %,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter gymnasial vuxenutbildning,2015,72 %,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter gymnasial vuxenutbildning,2016,75 %,Minst 65 %
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter jobbprojekt,2014,59 %,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter jobbprojekt,2015,60 %,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter jobbprojekt,2016,48 %,Minst 65 %
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Aktiva försörjningsstödstagare,2014,87 %,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Aktiva försörjningsstödstagare,2015,90 %,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Aktiva försörjningsstödstagare,2016,92 %,Minst 90 %
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter försörjningsstödsinsats,2014,39 %,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter försörjningsstödsinsats,2015,38 %,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter försörjningsstödsinsats,2016,36 %,Minst 42 %
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter studieväg 2 och 3 i SFI,2014,-,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter studieväg 2 och 3 i SFI,2015,-,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Egenförsörjning efter studieväg 2 och 3 i SFI,2016,81 %,Minst 65 %
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Godkända studieresultat inom vuxenutbildning,2014,-,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Godkända studieresultat inom vuxenutbildning,2015,-,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Godkända studieresultat inom vuxenutbildning,2016,86 %,Minst 84 %
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Minskat återflöde,2014,-,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Minskat återflöde,2015,-,
Arbetsmarknadsnämnden,Invånare,Invånarnas egenförsörjning ska öka,Minskat återflöde,2016,31 %,Max 31 %
Arbetsmarknadsnämnden,Invånare,Färre hushåll med långvarigt försörjningsstöd,Andel hushåll med långvarigt försörjningsstöd,2014,-,
Arbetsmarknadsnämnden,Invånare,Färre hushåll med långvarigt försörjningsstöd,Andel hushåll med långvarigt försörjningsstöd,2015,-,
Arbetsmarknadsnämnden,Invånare,Färre hushåll med långvarigt försörjningsstöd,Andel hushåll med långvarigt försörjningsstöd,2016,44 %,Max 42 %
Arbetsmarknadsnämnden,Invånare,Invånarna ska ha inflytande på verksamhetens utveckling,Utvecklingsprocesser där invånarna aktivt medverkar,2014,-,
Arbetsmarknadsnämnden,Invånare,Invånarna ska ha inflytande på verksamhetens utveckling,Utvecklingsprocesser där invånarna aktivt medverkar,2015,1,
Arbetsmarknadsnämnden,Invånare,Invånarna ska ha inflytande på verksamhetens utveckling,Utvecklingsprocesser där invånarna aktivt medverkar,2016,8,Minst 6
Arbetsmarknadsnämnden,Invånare,Barn och ungas situation ska förbättras,Barn i försörjningsstödshushåll,2014,2 315,
Arbetsmarknadsnämnden,Invånare,Barn och ungas situation ska förbättras,Barn i försörjningsstödshushåll,2015,2 175,
Arbetsmarknadsnämnden,Invånare,Barn och ungas situation ska förbättras,Barn i försörjningsstödshushåll,2016,2 086,Högst 2 100 barn
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Andel av insats- och utbildningsbudgeten som utförs av externa leverantörer.,2014,-,
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Andel av insats- och utbildningsbudgeten som utförs av externa leverantörer.,2015,-,
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Andel av insats- och utbildningsbudgeten som utförs av externa leverantörer.,2016,56 %,Minst 57 %
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Fokus på arbete och studier i stadens områdes- och mötesplatsarbete.,2014,-,
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Fokus på arbete och studier i stadens områdes- och mötesplatsarbete.,2015,0,
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Fokus på arbete och studier i stadens områdes- och mötesplatsarbete.,2016,3,Minst 1
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Samverkansavtal eller överenskommelser inom Familjen Helsingborg.,2014,-,
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Samverkansavtal eller överenskommelser inom Familjen Helsingborg.,2015,-,
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Samverkansavtal eller överenskommelser inom Familjen Helsingborg.,2016,3,Minst 3
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Samverkansavtal eller överenskommelser med lokala myndigheter,2014,-,
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Samverkansavtal eller överenskommelser med lokala myndigheter,2015,-,
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Samverkansavtal eller överenskommelser med lokala myndigheter,2016,3,Minst 3
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Utarbeta råd med branscher inför och under utbildnings- och insatsplanering,2014,-,
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Utarbeta råd med branscher inför och under utbildnings- och insatsplanering,2015,-,
Arbetsmarknadsnämnden,Omvärld,Vi ska vara en ledande samarbetspartner,Utarbeta råd med branscher inför och under utbildnings- och insatsplanering,2016,0,Minst 5
Arbetsmarknadsnämnden,Organisation,Vi ska vara en attraktiv arbetsgivare,Index för hållbart medarbetarengagemang,2014,73,
Arbetsmarknadsnämnden,Organisation,Vi ska vara en attraktiv arbetsgivare,Index för hållbart medarbetarengagemang,2015,72,
Arbetsmarknadsnämnden,Organisation,Vi ska vara en attraktiv arbetsgivare,Index för hållbart medarbetarengagemang,2016,77,Minst index 79
Arbetsmarknadsnämnden,Organisation,Vi ska öka tillgängligheten utifrån invånarnas förväntningar,Nöjda besökare,2014,76 %,
Arbetsmarknadsnämnden,Organisation,Vi ska öka tillgängligheten utifrån invånarnas förväntningar,Nöjda besökare,2015,83 %,
Arbetsmarknadsnämnden,Organisation,Vi ska öka tillgängligheten utifrån invånarnas förväntningar,Nöjda besökare,2016,85 %,Minst 85 %
Arbetsmarknadsnämnden,Organisation,Vi ska öka tillgängligheten utifrån invånarnas förväntningar,Utveckla nya e-tjänster utifrån invånarens behov,2014,-,
Arbetsmarknadsnämnden,Organisation,Vi ska öka tillgängligheten utifrån invånarnas förväntningar,Utveckla nya e-tjänster utifrån invånarens behov,2015,1,
Arbetsmarknadsnämnden,Organisation,Vi ska öka tillgängligheten utifrån invånarnas förväntningar,Utveckla nya e-tjänster utifrån invånarens behov,2016,1,Minst 1
Arbetsmarknadsnämnden,Ekonomi,Vår ekonomi ska vara balanserad och ta hänsyn till social och miljömässig hållbarhet,Ekonomiskt resultat,2014,2,
Arbetsmarknadsnämnden,Ekonomi,Vår ekonomi ska vara balanserad och ta hänsyn till social och miljömässig hållbarhet,Ekonomiskt resultat,2015,17 559,
Arbetsmarknadsnämnden,Ekonomi,Vår ekonomi ska vara balanserad och ta hänsyn till social och miljömässig hållbarhet,Ekonomiskt resultat,2016,8 127,Minst 0 tkr
Arbetsmarknadsnämnden,Ekonomi,Vår ekonomi ska vara balanserad och ta hänsyn till social och miljömässig hållbarhet,Invånare som får sysselsättning genom socialt ansvarstagande kopplat till upphandling,2014,-,
Arbetsmarknadsnämnden,Ekonomi,Vår ekonomi ska vara balanserad och ta hänsyn till social och miljömässig hållbarhet,Invånare som får sysselsättning genom socialt ansvarstagande kopplat till upphandling,2015,24,
Arbetsmarknadsnämnden,Ekonomi,Vår ekonomi ska vara balanserad och ta hänsyn till social och miljömässig hållbarhet,Invånare som får sysselsättning genom socialt ansvarstagande kopplat till upphandling,2016,13,Minst 40
Arbetsmarknadsnämnden,Ekonomi,Vår ekonomi ska vara balanserad och ta hänsyn till social och miljömässig hållbarhet,Intäkt av EU-bidrag eller annan extern finansiering,2014,6 757,
Arbetsmarknadsnämnden,Ekonomi,Vår ekonomi ska vara balanserad och ta hänsyn till social och miljömässig hållbarhet,Intäkt av EU-bidrag eller annan extern finansiering,2015,0,
Arbetsmarknadsnämnden,Ekonomi,Vår ekonomi ska vara balanserad och ta hänsyn till social och miljömässig hållbarhet,Intäkt av EU-bidrag eller annan extern finansiering,2016,3 518,Minst 3 500 tkr
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Andel klienter som bor sex månader eller kortare vid förvaltningens egna akutboende (Fenix),2014,-,
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Andel klienter som bor sex månader eller kortare vid förvaltningens egna akutboende (Fenix),2015,59 %,
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Andel klienter som bor sex månader eller kortare vid förvaltningens egna akutboende (Fenix),2016,58 %,Minst 60 %
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Andel barn och unga i identifierade riskzoner med förbättrade skolresultat,2014,75 %,
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Andel barn och unga i identifierade riskzoner med förbättrade skolresultat,2015,100 %,
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Andel barn och unga i identifierade riskzoner med förbättrade skolresultat,2016,100 %,100 %
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Andel klienter inom Vuxen som fullföljer sin insats,2014,-,
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Andel klienter inom Vuxen som fullföljer sin insats,2015,53 %,
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Andel klienter inom Vuxen som fullföljer sin insats,2016,57 %,Minst 55 %
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Klienternas helhetsintryck av förvaltningens arbete (Nöjd-Kund-Index; NKI),2014,78,
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Klienternas helhetsintryck av förvaltningens arbete (Nöjd-Kund-Index; NKI),2015,77,
Socialnämnden,Invånare,"Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning",Klienternas helhetsintryck av förvaltningens arbete (Nöjd-Kund-Index; NKI),2016,79,Minst NKI 75
Socialnämnden,Invånare,Socialnämnden ska förbättra levnadsvillkoren för utsatta barn och unga,"Andel klienter inom Barn, unga och familj som fullföljer sin insats",2014,-,
Socialnämnden,Invånare,Socialnämnden ska förbättra levnadsvillkoren för utsatta barn och unga,"Andel klienter inom Barn, unga och familj som fullföljer sin insats",2015,68 %,
Socialnämnden,Invånare,Socialnämnden ska förbättra levnadsvillkoren för utsatta barn och unga,"Andel klienter inom Barn, unga och familj som fullföljer sin insats",2016,68 %,Minst 75 %
Socialnämnden,Invånare,Utfästelsen kring nämndens tjänstegarantier ska hållas,Andel berörda kontaktade inom 7 arbetsdagar sedan beslut om att inleda utredning är fattat (tjänstegaranti),2014,-,
Socialnämnden,Invånare,Utfästelsen kring nämndens tjänstegarantier ska hållas,Andel berörda kontaktade inom 7 arbetsdagar sedan beslut om att inleda utredning är fattat (tjänstegaranti),2015,-,
Socialnämnden,Invånare,Utfästelsen kring nämndens tjänstegarantier ska hållas,Andel berörda kontaktade inom 7 arbetsdagar sedan beslut om att inleda utredning är fattat (tjänstegaranti),2016,80 %,100 %
Socialnämnden,Invånare,Utfästelsen kring nämndens tjänstegarantier ska hållas,Andel ärenden om stadigvarande serveringstillstånd med högst två månaders handläggningstid (tjänstegaranti),2014,-,
Socialnämnden,Invånare,Utfästelsen kring nämndens tjänstegarantier ska hållas,Andel ärenden om stadigvarande serveringstillstånd med högst två månaders handläggningstid (tjänstegaranti),2015,-,
Socialnämnden,Invånare,Utfästelsen kring nämndens tjänstegarantier ska hållas,Andel ärenden om stadigvarande serveringstillstånd med högst två månaders handläggningstid (tjänstegaranti),2016,97 %,100 %
Socialnämnden,Omvärld,Socialnämnden ska öka invånarnas delaktighet och medskapande,Andel invånare i innovationsgrupper/utvecklingsprojekt,2014,-,
Socialnämnden,Omvärld,Socialnämnden ska öka invånarnas delaktighet och medskapande,Andel invånare i innovationsgrupper/utvecklingsprojekt,2015,-,
Socialnämnden,Omvärld,Socialnämnden ska öka invånarnas delaktighet och medskapande,Andel invånare i innovationsgrupper/utvecklingsprojekt,2016,70 %,50 %
Socialnämnden,Omvärld,Socialnämnden ska minska sin miljöpåverkan,Andelen inköpta ekologiska och/eller närodlade livsmedel ska öka,2014,36 %,
Socialnämnden,Omvärld,Socialnämnden ska minska sin miljöpåverkan,Andelen inköpta ekologiska och/eller närodlade livsmedel ska öka,2015,34 %,
Socialnämnden,Omvärld,Socialnämnden ska minska sin miljöpåverkan,Andelen inköpta ekologiska och/eller närodlade livsmedel ska öka,2016,24 %,Minst 40 %
Socialnämnden,Organisation,Socialnämnden ska vara en attraktiv arbetsgivare,Hållbart medarbetarengagemang (HME),2014,73,
Socialnämnden,Organisation,Socialnämnden ska vara en attraktiv arbetsgivare,Hållbart medarbetarengagemang (HME),2015,73,
Socialnämnden,Organisation,Socialnämnden ska vara en attraktiv arbetsgivare,Hållbart medarbetarengagemang (HME),2016,77,Minst 73
Socialnämnden,Organisation,Socialnämnden ska vara en attraktiv arbetsgivare,Andel enheter med ett HME (hållbart medarbetarengagemang) lika med eller högre än stadens utfall,2014,-,
Socialnämnden,Organisation,Socialnämnden ska vara en attraktiv arbetsgivare,Andel enheter med ett HME (hållbart medarbetarengagemang) lika med eller högre än stadens utfall,2015,-,
Socialnämnden,Organisation,Socialnämnden ska vara en attraktiv arbetsgivare,Andel enheter med ett HME (hållbart medarbetarengagemang) lika med eller högre än stadens utfall,2016,24 %,Minst 75 %
Socialnämnden,Organisation,Socialnämnden ska vara en attraktiv arbetsgivare,Andel enheter med sjukfrånvaro lägre än fem procent,2014,-,
Socialnämnden,Organisation,Socialnämnden ska vara en attraktiv arbetsgivare,Andel enheter med sjukfrånvaro lägre än fem procent,2015,62 %,
Socialnämnden,Organisation,Socialnämnden ska vara en attraktiv arbetsgivare,Andel enheter med sjukfrånvaro lägre än fem procent,2016,51 %,Minst 75 %
Socialnämnden,Organisation,Socialnämnden ska öka den enskildes möjlighet till personlig och elektronisk kontakt,Antal uppdrag inom våra serviceverksamheter,2014,-,
Socialnämnden,Organisation,Socialnämnden ska öka den enskildes möjlighet till personlig och elektronisk kontakt,Antal uppdrag inom våra serviceverksamheter,2015,2 170,
Socialnämnden,Organisation,Socialnämnden ska öka den enskildes möjlighet till personlig och elektronisk kontakt,Antal uppdrag inom våra serviceverksamheter,2016,2 305,Minst 2 400
Socialnämnden,Ekonomi,Socialnämnden ska ha kostnadseffektiva lösningar,Andel öppenvård av den totala vårdvolymen (biståndsbedömd vård),2014,-,
Socialnämnden,Ekonomi,Socialnämnden ska ha kostnadseffektiva lösningar,Andel öppenvård av den totala vårdvolymen (biståndsbedömd vård),2015,55 %,
Socialnämnden,Ekonomi,Socialnämnden ska ha kostnadseffektiva lösningar,Andel öppenvård av den totala vårdvolymen (biståndsbedömd vård),2016,61 %,Minst 60 %
Socialnämnden,Ekonomi,Socialnämnden ska ha kostnadseffektiva lösningar,Genomsnittlig insatstid inom extern heldygnsvård (institutionsplaceringar),2014,-,
Socialnämnden,Ekonomi,Socialnämnden ska ha kostnadseffektiva lösningar,Genomsnittlig insatstid inom extern heldygnsvård (institutionsplaceringar),2015,-,
Socialnämnden,Ekonomi,Socialnämnden ska ha kostnadseffektiva lösningar,Genomsnittlig insatstid inom extern heldygnsvård (institutionsplaceringar),2016,151,Högst 170 vårddygn
\.

SELECT goalmetrics.import_report() AS rows_imported;
