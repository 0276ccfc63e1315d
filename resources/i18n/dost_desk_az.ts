<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az_AZ">
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../../dost_desk/ui/models/applications_model.py" line="125"/>
        <source>Registration number</source>
        <translation>Qeydiyyat nömrəsi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/applications_model.py" line="126"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/applications_model.py" line="127"/>
        <source>Service</source>
        <translation>Xidmət</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/applications_model.py" line="128"/>
        <source>Applicant</source>
        <translation>Müraciət edən</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/applications_model.py" line="129"/>
        <source>FİN</source>
        <translation>FİN</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/applications_model.py" line="130"/>
        <source>Deadline</source>
        <translation>Son müddət</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/applications_model.py" line="131"/>
        <source>Sync</source>
        <translation>Sinxronizasiya</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/applications_model.py" line="142"/>
        <source>(draft)</source>
        <translation>(qaralama)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/applications_model.py" line="162"/>
        <source>Overdue</source>
        <translation>Müddəti keçib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/applications_model.py" line="164"/>
        <source>Due today</source>
        <translation>Müddəti bu gün bitir</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanel</name>
    <message>
        <location filename="../../dost_desk/ui/applications_panel.py" line="43"/>
        <source>Registration number, FİN or name</source>
        <extracomment>The newest applications the list holds (older ones in progress come too); typing 3 letters or more also searches the database for older ones (at most SEARCH_LIMIT).</extracomment>
        <translation>Qeydiyyat nömrəsi, FİN və ya ad</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/applications_panel.py" line="46"/>
        <source>All statuses</source>
        <translation>Bütün statuslar</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dost_desk/ui/applications_panel.py" line="95"/>
        <location filename="../../dost_desk/ui/applications_panel.py" line="121"/>
        <location filename="../../dost_desk/ui/applications_panel.py" line="134"/>
        <source>%n application(s)</source>
        <translation>
            <numerusform>%n müraciət</numerusform>
            <numerusform>%n müraciət</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/applications_panel.py" line="123"/>
        <source>older applications could not be searched: %1</source>
        <translation>köhnə müraciətlərdə axtarış aparmaq mümkün olmadı: %1</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="36"/>
        <source>Working calendar</source>
        <translation>İş təqvimi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="39"/>
        <source>Day off</source>
        <translation>İstirahət günü</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="39"/>
        <source>Working day</source>
        <translation>İş günü</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="41"/>
        <source>Date</source>
        <translation>Tarix</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="41"/>
        <source>Kind</source>
        <translation>Növ</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="41"/>
        <source>Note</source>
        <translation>Qeyd</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="46"/>
        <source>dd.mm.yyyy</source>
        <translation>gg.aa.iiii</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="51"/>
        <source>Note, e.g. the Cabinet&apos;s decision</source>
        <translation>Qeyd, məs. Nazirlər Kabinetinin qərarı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="52"/>
        <source>&amp;Add</source>
        <translation>Əla&amp;və et</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="53"/>
        <source>&amp;Remove selected</source>
        <translation>Seçiləni &amp;sil</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/calendar_dialog.py" line="67"/>
        <source>Azerbaijan&apos;s public holidays are built in; add the days the Cabinet moves.</source>
        <translation>Azərbaycanın bayram və istirahət günləri daxildir; Nazirlər Kabinetinin köçürdüyü günləri əlavə edin.</translation>
    </message>
</context>
<context>
    <name>CatalogTreeModel</name>
    <message>
        <location filename="../../dost_desk/ui/models/catalog_tree_model.py" line="50"/>
        <source>Not classified</source>
        <translation>Təsnif edilməyib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/catalog_tree_model.py" line="124"/>
        <source>Services</source>
        <translation>Xidmətlər</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="33"/>
        <source>Original</source>
        <translation>Əsli</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="34"/>
        <source>Copy</source>
        <translation>Surəti</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="35"/>
        <source>Notarised copy</source>
        <translation>Notarial təsdiq edilmiş surəti</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="36"/>
        <source>Electronic copy</source>
        <translation>Elektron surəti</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="37"/>
        <source>Not submitted</source>
        <translation>Təqdim edilməyib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="40"/>
        <source>Obtained electronically from %1</source>
        <translation>%1 sistemindən elektron əldə edilib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="53"/>
        <source>Document</source>
        <translation>Sənəd</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="53"/>
        <source>Submitted as</source>
        <translation>Təqdimetmə forması</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="37"/>
        <source>Not checked yet</source>
        <translation>Hələ yoxlanılmayıb</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="38"/>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="80"/>
        <source>Confirmed</source>
        <translation>Təsdiq edildi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="39"/>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="82"/>
        <source>Not confirmed</source>
        <translation>Təsdiq edilmədi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="40"/>
        <source>System unavailable</source>
        <translation>Sistem əlçatan deyil</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="41"/>
        <source>Deferred</source>
        <translation>Təxirə salınıb</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="53"/>
        <source>Checks in information systems</source>
        <translation>İnformasiya sistemlərində yoxlamalar</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="60"/>
        <source>Step</source>
        <translation>Addım</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="61"/>
        <source>What is checked</source>
        <translation>Nə yoxlanılır</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="62"/>
        <source>Result</source>
        <translation>Nəticə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="63"/>
        <source>Details</source>
        <translation>Ətraflı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="75"/>
        <source>Run checks (F5)</source>
        <translation>Yoxlamaları başlat (F5)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="86"/>
        <source>Reference in the system</source>
        <translation>Sistemdəki istinad nömrəsi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="89"/>
        <source>Note</source>
        <translation>Qeyd</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="91"/>
        <source>Re&amp;cord what the system showed</source>
        <translation>Sistemin göstərdiyini &amp;qeyd et</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="95"/>
        <source>De&amp;fer</source>
        <translation>Tə&amp;xirə sal</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="115"/>
        <source>as of %1</source>
        <translation>%1 tarixinə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="150"/>
        <source>Checking…</source>
        <translation>Yoxlanılır…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checks_page.py" line="155"/>
        <source>Checks done.</source>
        <translation>Yoxlamalar başa çatdı.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../dost_desk/ui/error_dialog.py" line="31"/>
        <source>Unexpected error</source>
        <translation>Gözlənilməz xəta</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_dialog.py" line="34"/>
        <source>Something went wrong. DOST Desk keeps running and what you typed is saved. The details were written to the log:
%1</source>
        <translation>Nəsə səhv getdi. DOST Desk işləməyə davam edir və yazdıqlarınız saxlanılıb. Təfərrüatlar jurnala yazıldı:
%1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_dialog.py" line="41"/>
        <source>Copy details</source>
        <translation>Təfərrüatları kopyala</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_dialog.py" line="57"/>
        <source>Copied</source>
        <translation>Kopyalandı</translation>
    </message>
</context>
<context>
    <name>ErrorReporting</name>
    <message>
        <location filename="../../dost_desk/ui/error_dialog.py" line="99"/>
        <source>The log file cannot be written (%1): %2. DOST Desk runs without it.</source>
        <translation>Jurnal faylına yazmaq mümkün deyil (%1): %2. DOST Desk jurnalsız işləyir.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="33"/>
        <source>The database cannot be reached. What you typed is kept.</source>
        <translation>Verilənlər bazasına qoşulmaq mümkün deyil. Yazdıqlarınız saxlanılır.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="39"/>
        <source>The database can only be read.</source>
        <translation>Verilənlər bazası yalnız oxuna bilər.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="43"/>
        <source>No central database is configured.</source>
        <translation>Mərkəzi verilənlər bazası qurulmayıb.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="47"/>
        <source>The sync with the central database failed.</source>
        <translation>Mərkəzi verilənlər bazası ilə sinxronlaşdırma alınmadı.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="49"/>
        <source>The database reported an error.</source>
        <translation>Verilənlər bazası xəta bildirdi.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="50"/>
        <source>It was not found.</source>
        <translation>Tapılmadı.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="53"/>
        <source>This is not allowed for the application now.</source>
        <translation>Bu, müraciət üçün indi mümkün deyil.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="57"/>
        <source>The document could not be prepared.</source>
        <translation>Sənədi hazırlamaq mümkün olmadı.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="61"/>
        <source>An access key is missing.</source>
        <translation>Giriş açarı yoxdur.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="65"/>
        <source>The information system did not answer.</source>
        <translation>İnformasiya sistemi cavab vermədi.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="69"/>
        <source>The service passports could not be read.</source>
        <translation>Xidmət pasportlarını oxumaq mümkün olmadı.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="71"/>
        <source>The configuration has an error.</source>
        <translation>Konfiqurasiyada xəta var.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="72"/>
        <source>A file could not be read or written.</source>
        <translation>Faylı oxumaq və ya yazmaq mümkün olmadı.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="91"/>
        <source>It did not work: %1</source>
        <translation>Alınmadı: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/error_messages.py" line="92"/>
        <source>Unexpected error (%1). It was written to the log.</source>
        <translation>Gözlənilməz xəta (%1). Jurnala yazıldı.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../dost_desk/ui/first_start_dialog.py" line="54"/>
        <source>Centre setup</source>
        <translation>Mərkəzin qurulması</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/first_start_dialog.py" line="57"/>
        <source>This desk has no centre code yet. Registration numbers begin with it, so enter this centre&apos;s own code (ask the administrator if unsure).</source>
        <translation>Bu iş yerinin hələ mərkəz kodu yoxdur. Qeydiyyat nömrələri onunla başlayır, ona görə bu mərkəzin öz kodunu daxil edin (əmin deyilsinizsə, administratordan soruşun).</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/first_start_dialog.py" line="83"/>
        <source>Centre code</source>
        <translation>Mərkəz kodu</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/first_start_dialog.py" line="85"/>
        <source>Centre category</source>
        <translation>Mərkəzin kateqoriyası</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/first_start_dialog.py" line="99"/>
        <source>A letter A–E and 1–4 digits, e.g. C123</source>
        <translation>Hərf A–E və 1–4 rəqəm, məsələn C123</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/first_start_dialog.py" line="113"/>
        <source>Not saved: %1</source>
        <translation>Saxlanılmadı: %1</translation>
    </message>
</context>
<context>
    <name>IntakeActions</name>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="77"/>
        <source>The service passport %1 is not in this desk&apos;s catalog. Sync with the central database or ask the administrator; Esc closes the intake.</source>
        <translation>%1 xidmət pasportu bu masanın kataloqunda yoxdur. Mərkəzi verilənlər bazası ilə sinxronlaşdırın və ya administratora müraciət edin; Esc qəbulu bağlayır.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="90"/>
        <source>Not saved — the database is unavailable: %1</source>
        <translation>Yadda saxlanılmadı — verilənlər bazası əlçatan deyil: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="105"/>
        <source>This step needs the server, which cannot be reached. Everything typed is kept on this computer; go on when the connection is back (the status bar shows it).</source>
        <translation>Bu addım üçün server lazımdır, ona isə qoşulmaq mümkün deyil. Daxil edilən hər şey bu kompüterdə saxlanılıb; bağlantı bərpa olunanda davam edin (status sətri bunu göstərəcək).</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="141"/>
        <source>Natural person</source>
        <translation>Fiziki şəxs</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="287"/>
        <source>Starting an application needs the server, which cannot be reached. The ticket and the service stay as chosen; go on when the connection is back.</source>
        <translation>Müraciəti başlamaq üçün server lazımdır, ona isə qoşulmaq mümkün deyil. Növbə nömrəsi və xidmət seçildiyi kimi qalır; bağlantı bərpa olunanda davam edin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="341"/>
        <source>Not saved — the server is unreachable and this computer cannot keep the draft: %1</source>
        <translation>Saxlanılmadı — serverə qoşulmaq mümkün deyil və bu kompüter qaralamanı saxlaya bilmir: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="349"/>
        <source>Offline — saved on this computer. It is written to the server when the connection is back; keep working.</source>
        <translation>Oflayn — bu kompüterdə saxlanılıb. Bağlantı bərpa olunanda serverə yazılacaq; işə davam edin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="367"/>
        <source>Connection restored: everything is saved on the server.</source>
        <translation>Bağlantı bərpa olundu: hər şey serverdə saxlanılıb.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="383"/>
        <source>All documents are submitted.</source>
        <translation>Bütün sənədlər təqdim edilib.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="387"/>
        <source>Missing %1 of %2 documents.</source>
        <translation>Çatışmayan sənədlər: %1 (cəmi %2).</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="406"/>
        <source>The passport does not allow this form for the document.</source>
        <translation>Xidmət pasportu bu sənədin belə formada təqdim edilməsinə yol vermir.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="499"/>
        <source>Applicant: %1&lt;br&gt;Documents: %2 of %3 submitted</source>
        <translation>Müraciət edən: %1&lt;br&gt;Təqdim edilmiş sənədlər: %2 (cəmi %3)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="512"/>
        <source>Accepting needs the server: it gives the registration number. The application is kept on this computer; accept it when the connection is back (the status bar shows it).</source>
        <translation>Qəbul etmək üçün server lazımdır: qeydiyyat nömrəsini o verir. Müraciət bu kompüterdə saxlanılıb; bağlantı bərpa olunanda onu qəbul edin (status sətri bunu göstərəcək).</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="555"/>
        <source>Refusing needs the server: the decision is recorded there. The application is kept on this computer; refuse it when the connection is back.</source>
        <translation>İmtina etmək üçün server lazımdır: qərar orada qeydə alınır. Müraciət bu kompüterdə saxlanılıb; bağlantı bərpa olunanda imtina edin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="574"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="578"/>
        <source>Refused: %1</source>
        <translation>İmtina edildi: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="582"/>
        <source>Accepted. Registration number &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Qəbul edildi. Qeydiyyat nömrəsi: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="587"/>
        <source>Deadline: %1</source>
        <translation>Son müddət: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="592"/>
        <source>E-sosial notice due: %1</source>
        <translation>E-sosial bildirişinin son müddəti: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="597"/>
        <source>Service time: %1</source>
        <translation>Xidmət müddəti: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="635"/>
        <source>Cancel the application</source>
        <translation>Müraciəti ləğv et</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="636"/>
        <source>Reason for the cancellation:</source>
        <translation>Ləğv etmənin səbəbi:</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="684"/>
        <source>No earlier applicant found.</source>
        <translation>Əvvəllər müraciət etmiş şəxs tapılmadı.</translation>
    </message>
</context>
<context>
    <name>IntakePages</name>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="34"/>
        <source>In person</source>
        <translation>Şəxsən</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="35"/>
        <source>Via a representative</source>
        <translation>Nümayəndə vasitəsi ilə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="36"/>
        <source>Via the call centre</source>
        <translation>Çağrı mərkəzi vasitəsi ilə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="37"/>
        <source>Self-service (electronic systems)</source>
        <translation>Özünəxidmət (elektron sistemlər) vasitəsi ilə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="40"/>
        <source>By post</source>
        <translation>Poçt vasitəsilə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="41"/>
        <source>Proactively</source>
        <translation>Proaktiv formada</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="47"/>
        <source>Citizen of Azerbaijan</source>
        <translation>Azərbaycan vətəndaşı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="48"/>
        <source>Foreigner with permanent residence</source>
        <translation>Daimi yaşayış hüququ olan əcnəbi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="51"/>
        <source>Stateless person with permanent residence</source>
        <translation>Daimi yaşayış hüququ olan vətəndaşlığı olmayan şəxs</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="54"/>
        <source>Individual entrepreneur</source>
        <translation>Fərdi sahibkar</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="57"/>
        <source>Legal entity</source>
        <translation>Hüquqi şəxs</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="58"/>
        <source>Family farm</source>
        <translation>Ailə təsərrüfatı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="73"/>
        <source>New application</source>
        <translation>Yeni müraciət</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="77"/>
        <source>e.g. A-017 (optional)</source>
        <translation>məsələn, A-017 (məcburi deyil)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="80"/>
        <source>&amp;Ticket number</source>
        <translation>&amp;Növbə nömrəsi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="106"/>
        <source>&amp;Application form</source>
        <translation>&amp;Müraciət forması</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="112"/>
        <source>&amp;Response form</source>
        <translation>&amp;Cavablandırma forması</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="125"/>
        <source>&amp;FİN</source>
        <translation>Fİ&amp;N</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="126"/>
        <source>7 characters, e.g. 5ZX8K2P</source>
        <translation>7 simvol, məsələn, 5ZX8K2P</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="130"/>
        <source>Identity &amp;document</source>
        <translation>Şəxsi&amp;yyəti təsdiq edən sənəd</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="132"/>
        <source>Identity card</source>
        <translation>Şəxsiyyət vəsiqəsi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="133"/>
        <source>Residence permit</source>
        <translation>Yaşamaq icazəsi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="134"/>
        <source>Passport</source>
        <translation>Pasport</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="139"/>
        <source>Series and &amp;number</source>
        <translation>Se&amp;riya və nömrə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="142"/>
        <source>&amp;Surname</source>
        <translation>&amp;Soyad</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="143"/>
        <source>Na&amp;me</source>
        <translation>&amp;Ad</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="144"/>
        <source>&amp;Patronymic</source>
        <translation>A&amp;ta adı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="147"/>
        <source>&amp;Birth date</source>
        <translation>&amp;Doğum tarixi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="148"/>
        <location filename="../../dost_desk/ui/intake/pages.py" line="256"/>
        <source>dd.mm.yyyy</source>
        <translation>gg.aa.iiii</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="150"/>
        <source>P&amp;hone</source>
        <translation>Telef&amp;on</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="158"/>
        <source>Applicant</source>
        <translation>Müraciət edən</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="162"/>
        <source>Find an earlier applicant by FİN, VÖEN or name</source>
        <translation>Əvvəllər müraciət etmiş şəxsi FİN, VÖEN və ya ad üzrə axtarın</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="167"/>
        <source>F&amp;ind</source>
        <translation>A&amp;xtar</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="176"/>
        <source>&amp;Who applies</source>
        <translation>Kim &amp;müraciət edir</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="178"/>
        <source>&amp;User type</source>
        <translation>İst&amp;ifadəçi növü</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="183"/>
        <source>&amp;VÖEN</source>
        <translation>VÖ&amp;EN</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="184"/>
        <source>10 digits</source>
        <translation>10 rəqəm</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="187"/>
        <source>&amp;Organisation</source>
        <translation>Təşki&amp;lat</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="189"/>
        <source>&amp;E-mail</source>
        <translation>E-&amp;poçt</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="190"/>
        <source>A&amp;ddress</source>
        <translation>Ün&amp;van</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="234"/>
        <source>Representative and authority document</source>
        <translation>Nümayəndə və səlahiyyət sənədi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="241"/>
        <source>&amp;Authority document</source>
        <translation>Sə&amp;lahiyyət sənədi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="245"/>
        <source>Power of attorney</source>
        <translation>Etibarnamə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="247"/>
        <source>Guardianship</source>
        <translation>Qəyyumluq (himayəçilik) sənədi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="251"/>
        <source>Document n&amp;umber</source>
        <translation>Sənədin nö&amp;mrəsi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="255"/>
        <source>Document da&amp;te</source>
        <translation>Sənədin tari&amp;xi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="259"/>
        <source>Issued by (n&amp;otary)</source>
        <translation>Kim tərəfindən &amp;verilib (notarius)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="270"/>
        <source>Documents</source>
        <translation>Sənədlər</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="283"/>
        <source>Space: submitted / not · 1 original · 2 copy · 3 notarised copy · 4 electronic copy · 5 obtained electronically · 0 not submitted</source>
        <translation>Boşluq: təqdim edilib / edilməyib · 1 əsli · 2 surəti · 3 notarial təsdiq edilmiş surəti · 4 elektron surəti · 5 elektron əldə edilib · 0 təqdim edilməyib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="300"/>
        <source>Fee</source>
        <translation>Xidmət haqqı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="303"/>
        <source>&amp;Amount (AZN)</source>
        <translation>&amp;Məbləğ (AZN)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="305"/>
        <source>Payment &amp;method</source>
        <translation>Ödəniş ü&amp;sulu</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="307"/>
        <source>Payment &amp;reference</source>
        <translation>Ödəniş qəbzinin &amp;nömrəsi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="315"/>
        <source>Receipt</source>
        <translation>Qəbz</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="316"/>
        <source>Certificate</source>
        <translation>Şəhadətnamə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="317"/>
        <source>Refusal decision</source>
        <translation>İmtina qərarı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="318"/>
        <source>Payment decision</source>
        <translation>Ödənişin təyinatı qərarı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="327"/>
        <source>Outcome</source>
        <translation>Nəticə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="333"/>
        <source>&amp;Accept (Ctrl+Enter)</source>
        <translation>&amp;Qəbul et (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="338"/>
        <source>Refusal</source>
        <translation>İmtina</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="348"/>
        <source>Reason (free text)</source>
        <translation>Səbəb (sərbəst mətn)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="355"/>
        <source>&amp;Refuse</source>
        <translation>İ&amp;mtina et</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="364"/>
        <source>Follow-up</source>
        <translation>Sonrakı addımlar</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="369"/>
        <source>&amp;Ordered from the back office</source>
        <translation>Arxa ofisdən &amp;sifariş edildi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="370"/>
        <source>Rea&amp;dy</source>
        <translation>&amp;Hazırdır</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="371"/>
        <source>&amp;Handed over</source>
        <translation>&amp;Təhvil verildi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="372"/>
        <source>&amp;Cancel…</source>
        <translation>&amp;Ləğv et…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="380"/>
        <source>Documents to print</source>
        <translation>Çap ediləcək sənədlər</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="387"/>
        <source>&amp;New application</source>
        <translation>&amp;Yeni müraciət</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="400"/>
        <source>Legal basis: as in the passport</source>
        <translation>Hüquqi əsas: xidmət pasportunda göstərildiyi kimi</translation>
    </message>
</context>
<context>
    <name>IntakePrinting</name>
    <message>
        <location filename="../../dost_desk/ui/intake/printing.py" line="62"/>
        <source>Preparing the document…</source>
        <translation>Sənəd hazırlanır…</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <location filename="../../dost_desk/ui/intake/intake_view.py" line="93"/>
        <source>Back (Esc)</source>
        <translation>Geri (Esc)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/intake_view.py" line="94"/>
        <source>Next (Enter)</source>
        <translation>Növbəti (Enter)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/intake_view.py" line="251"/>
        <source>The draft could not be saved.</source>
        <translation>Qaralama saxlanıla bilmədi.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/intake_view.py" line="267"/>
        <source>Saved.</source>
        <translation>Yadda saxlanıldı.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="43"/>
        <location filename="../../dost_desk/ui/main_window.py" line="239"/>
        <source>DOST Desk</source>
        <translation>DOST Desk</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="51"/>
        <source>Search services by name, ID or document (Ctrl+F)</source>
        <translation>Xidməti ada, ID-yə və ya sənədə görə axtarın (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="75"/>
        <source>&amp;Start application</source>
        <translation>&amp;Müraciətə başla</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="77"/>
        <location filename="../../dost_desk/ui/main_window.py" line="325"/>
        <source>Choose a service first (the database must be open).</source>
        <translation>Əvvəlcə xidməti seçin (verilənlər bazası açıq olmalıdır).</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="93"/>
        <source>Se&amp;rvices</source>
        <translation>Xi&amp;dmətlər</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="114"/>
        <source>&amp;File</source>
        <translation>&amp;Fayl</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="115"/>
        <source>&amp;Quit</source>
        <translation>Çı&amp;xış</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="119"/>
        <source>&amp;View</source>
        <translation>&amp;Görünüş</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="120"/>
        <source>&amp;Find service</source>
        <translation>Xidməti &amp;tap</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="124"/>
        <location filename="../../dost_desk/ui/main_window.py" line="345"/>
        <source>&amp;Applications</source>
        <translation>Mü&amp;raciətlər</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="128"/>
        <source>&amp;Centre</source>
        <translation>Mərkə&amp;z</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="129"/>
        <source>Working &amp;calendar…</source>
        <translation>İş &amp;təqvimi…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="132"/>
        <source>&amp;Supervisor&apos;s list…</source>
        <translation>&amp;Rəhbərin siyahısı…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="136"/>
        <source>Sync &amp;now</source>
        <translation>İndi si&amp;nxronlaşdır</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="140"/>
        <source>Sync c&amp;onflicts and duplicates…</source>
        <translation>Sinxronizasiya z&amp;iddiyyətləri və dublikatlar…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="143"/>
        <source>&amp;Help</source>
        <translation>&amp;Kömək</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="144"/>
        <source>&amp;About DOST Desk</source>
        <translation>DOST Desk &amp;haqqında</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="151"/>
        <source>Version %1</source>
        <translation>Versiya %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="162"/>
        <source>Loading the catalog…</source>
        <translation>Kataloq yüklənir…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="192"/>
        <source>The last typing is not saved</source>
        <translation>Son yazılanlar saxlanılmayıb</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="194"/>
        <source>%1

Free some space (or fix the problem) and close again to keep it, or close without it: what was saved before stays.</source>
        <translation>%1

Yer boşaldın (və ya problemi aradan qaldırın) və saxlamaq üçün yenidən bağlayın, ya da onsuz bağlayın: əvvəl saxlanılanlar qalır.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="200"/>
        <source>Close &amp;without it</source>
        <translation>&amp;Onsuz bağla</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="201"/>
        <source>&amp;Stay</source>
        <translation>&amp;Qal</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="217"/>
        <source>Centre %1 (category %2)</source>
        <translation>Mərkəz %1 (%2 kateqoriyası)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="221"/>
        <source>Database: %1</source>
        <translation>Verilənlər bazası: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="231"/>
        <source>An unfinished application was reopened.</source>
        <translation>Tamamlanmamış müraciət yenidən açıldı.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="234"/>
        <source>Database unavailable: %1</source>
        <translation>Verilənlər bazası əlçatan deyil: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="238"/>
        <source>The catalog could not be loaded.</source>
        <translation>Kataloq yüklənmədi.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dost_desk/ui/main_window.py" line="264"/>
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n xidmət</numerusform>
            <numerusform>%n xidmət</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="264"/>
        <source>No services</source>
        <translation>Xidmət yoxdur</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="267"/>
        <source>Nothing found for “%1”</source>
        <translation>“%1” üzrə heç nə tapılmadı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="323"/>
        <source>Start an application for this service (Enter).</source>
        <translation>Bu xidmət üzrə müraciətə başlayın (Enter).</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="349"/>
        <source>E-sosial &amp;notices</source>
        <translation>E-sosial &amp;bildirişləri</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window_sync.py" line="34"/>
        <source>Syncing…</source>
        <translation>Sinxronlaşdırılır…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window_sync.py" line="40"/>
        <source>Syncing… %1 of %2 changes sent</source>
        <translation>Sinxronlaşdırılır… %2 dəyişiklikdən %1 göndərildi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window_sync.py" line="89"/>
        <source>Server unreachable — trying again…</source>
        <translation>Server əlçatmazdır — yenidən cəhd edilir…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window_sync.py" line="131"/>
        <source>Connection restored: %n draft(s) written to the server.</source>
        <translation>Bağlantı bərpa olundu: %n qaralama serverə yazıldı.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window_sync.py" line="137"/>
        <source>%n document tick(s) not recorded: the application was decided meanwhile.</source>
        <translation>%n sənəd qeydi yazılmadı: bu arada müraciət üzrə qərar verilib.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window_sync.py" line="108"/>
        <source>Offline — saved locally</source>
        <translation>Oflayn — yerli saxlanılıb</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window_sync.py" line="116"/>
        <source>The server cannot be reached. Drafts are kept on this computer and written to the server as soon as it answers.</source>
        <translation>Serverə qoşulmaq mümkün deyil. Qaralamalar bu kompüterdə saxlanılır və server cavab verən kimi ona yazılır.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window_sync.py" line="101"/>
        <location filename="../../dost_desk/ui/main_window_sync.py" line="135"/>
        <source>Connection restored.</source>
        <translation>Bağlantı bərpa olundu.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window_sync.py" line="144"/>
        <source>Unreadable kept drafts were moved to %1.</source>
        <translation>Oxuna bilməyən saxlanılmış qaralamalar %1 qovluğuna köçürüldü.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="438"/>
        <source>About DOST Desk</source>
        <translation>DOST Desk haqqında</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="439"/>
        <source>DOST Desk %1 — the counter application of DOST centres.</source>
        <translation>DOST Desk %1 — DOST mərkəzlərinin qəbul masası proqramı.</translation>
    </message>
</context>
<context>
    <name>NoticesPanel</name>
    <message>
        <location filename="../../dost_desk/ui/notices_panel.py" line="36"/>
        <source>Due today</source>
        <translation>Bu gün</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/notices_panel.py" line="37"/>
        <source>Overdue</source>
        <translation>Gecikmiş</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/notices_panel.py" line="38"/>
        <source>All</source>
        <translation>Hamısı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/notices_panel.py" line="42"/>
        <source>Due</source>
        <translation>Son tarix</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/notices_panel.py" line="43"/>
        <source>Registration number</source>
        <translation>Qeydiyyat nömrəsi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/notices_panel.py" line="44"/>
        <source>Applicant</source>
        <translation>Müraciət edən</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/notices_panel.py" line="45"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/notices_panel.py" line="54"/>
        <source>&amp;Mark as posted</source>
        <translation>&amp;Yerləşdirildi kimi qeyd et</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/notices_panel.py" line="82"/>
        <source>Posted</source>
        <translation>Yerləşdirilib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/notices_panel.py" line="82"/>
        <source>To post</source>
        <translation>Yerləşdirilməlidir</translation>
    </message>
</context>
<context>
    <name>PassportView</name>
    <message>
        <location filename="../../dost_desk/ui/widgets/passport_view.py" line="39"/>
        <source>Choose a service on the left or search for it.</source>
        <translation>Soldakı siyahıdan xidməti seçin və ya axtarın.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/widgets/passport_view.py" line="50"/>
        <source>provisional ID</source>
        <translation>müvəqqəti ID</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/widgets/passport_view.py" line="53"/>
        <source>not stated</source>
        <translation>göstərilməyib</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="151"/>
        <source>&amp;Print…</source>
        <translation>&amp;Çap et…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="152"/>
        <source>&amp;Save as PDF…</source>
        <translation>PDF kimi &amp;saxla…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="154"/>
        <source>&amp;Reprint (duplicate)</source>
        <translation>&amp;Təkrar çap (dublikat)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="157"/>
        <source>&amp;Close</source>
        <translation>&amp;Bağla</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="211"/>
        <source>No printer is installed. The document stays saved.</source>
        <translation>Printer quraşdırılmayıb. Sənəd yadda saxlanılıb.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="213"/>
        <source>Printing on %1…</source>
        <translation>%1 printerində çap edilir…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dost_desk/ui/print_preview.py" line="272"/>
        <source>Sent to the printer: %n page(s).</source>
        <translation>
            <numerusform>Printerə göndərildi: %n səhifə.</numerusform>
            <numerusform>Printerə göndərildi: %n səhifə.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dost_desk/ui/print_preview.py" line="236"/>
        <source>Printing stopped after %n copy(ies): %1. Those are archived; the application stays saved.</source>
        <translation>
            <numerusform>Çap %n nüsxədən sonra dayandı: %1. Həmin nüsxələr arxivləşdirilib; müraciət saxlanılıb.</numerusform>
            <numerusform>Çap %n nüsxədən sonra dayandı: %1. Həmin nüsxələr arxivləşdirilib; müraciət saxlanılıb.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="244"/>
        <source>Printing failed: %1. Nothing was archived; the application stays saved.</source>
        <translation>Çap alınmadı: %1. Heç nə arxivləşdirilmədi; müraciət saxlanılıb.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="298"/>
        <source>Save as PDF</source>
        <translation>PDF kimi saxla</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="298"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF sənədləri (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="281"/>
        <source>the folder %1 does not exist</source>
        <translation>%1 qovluğu yoxdur</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="282"/>
        <source>%1 is a file, not a folder</source>
        <translation>%1 qovluq deyil, fayldır</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="283"/>
        <source>%1 is a folder</source>
        <translation>%1 qovluqdur</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="285"/>
        <source>%1 is a link, device or pipe, not a regular file; choose a new file name</source>
        <translation>%1 adi fayl deyil (keçid, qurğu və ya kanaldır); yeni fayl adı seçin</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="287"/>
        <source>there is no permission to write in %1</source>
        <translation>%1 qovluğuna yazmağa icazə yoxdur</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="288"/>
        <source>the disk is full</source>
        <translation>disk doludur</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="310"/>
        <source>Not saved: %1. Nothing was archived; the application stays saved.</source>
        <translation>Saxlanılmadı: %1. Heç nə arxivləşdirilmədi; müraciət saxlanılıb.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="318"/>
        <source>Saved: %1</source>
        <translation>Saxlanıldı: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/print_preview.py" line="327"/>
        <source>This is the duplicate (DUBLİKAT); print or save it to archive it.</source>
        <translation>Bu, dublikatdır (DUBLİKAT); arxivləşdirmək üçün onu çap edin və ya saxlayın.</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="56"/>
        <source>Passport number: one or two Latin letters and 6 to 8 digits.</source>
        <translation>Pasport nömrəsi: bir və ya iki latın hərfi və 6–8 rəqəm.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="53"/>
        <source>Not a residence permit number accepted here (e.g. MYI1234567).</source>
        <translation>Burada qəbul edilən yaşamaq icazəsi nömrəsi deyil (məsələn, MYI1234567).</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="46"/>
        <source>The number does not match a format accepted for this document type.</source>
        <translation>Nömrə bu sənəd növü üçün qəbul edilən formatlardan heç birinə uyğun deyil.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="13"/>
        <source>Enter the FİN.</source>
        <translation>FİN-i daxil edin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="14"/>
        <source>The FİN has 7 characters.</source>
        <translation>FİN 7 simvoldan ibarətdir.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="15"/>
        <source>The FİN has only digits and Latin capitals, without I and O.</source>
        <translation>FİN yalnız rəqəmlərdən və böyük latın hərflərindən ibarətdir (I və O hərfləri istifadə olunmur).</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="18"/>
        <source>The representative cannot be the applicant.</source>
        <translation>Nümayəndə müraciət edən şəxsin özü ola bilməz.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="21"/>
        <source>The applicant cannot be their own representative.</source>
        <translation>Müraciət edən şəxs özünün nümayəndəsi ola bilməz.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="24"/>
        <source>Enter the VÖEN.</source>
        <translation>VÖEN-i daxil edin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="25"/>
        <source>The VÖEN has 10 digits.</source>
        <translation>VÖEN 10 rəqəmdən ibarətdir.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="26"/>
        <source>Enter the phone number.</source>
        <translation>Telefon nömrəsini daxil edin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="27"/>
        <source>Phone: +994 and 9 digits, e.g. 050 123 45 67.</source>
        <translation>Telefon: +994 və 9 rəqəm, məsələn, 050 123 45 67.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="30"/>
        <source>Enter the e-mail address.</source>
        <translation>E-poçt ünvanını daxil edin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="31"/>
        <source>The e-mail address is too long.</source>
        <translation>E-poçt ünvanı çox uzundur.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="32"/>
        <source>This is not an e-mail address.</source>
        <translation>Bu, e-poçt ünvanı deyil.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="33"/>
        <source>This name is required.</source>
        <translation>Bu ad mütləq göstərilməlidir.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="34"/>
        <source>The name is too long.</source>
        <translation>Ad çox uzundur.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="35"/>
        <source>A name has only letters, spaces, hyphens and apostrophes.</source>
        <translation>Ad yalnız hərflərdən, boşluqlardan, defislərdən və apostroflardan ibarət ola bilər.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="38"/>
        <source>This field is required.</source>
        <translation>Bu xananın doldurulması məcburidir.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="39"/>
        <source>The text is too long.</source>
        <translation>Mətn çox uzundur.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="40"/>
        <source>Choose the identity document type.</source>
        <translation>Şəxsiyyəti təsdiq edən sənədin növünü seçin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="43"/>
        <source>Enter the document series and number.</source>
        <translation>Sənədin seriya və nömrəsini daxil edin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="50"/>
        <source>Series and number: AA1234567 or AZE12345678.</source>
        <translation>Seriya və nömrə: AA1234567 və ya AZE12345678.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="59"/>
        <source>Enter the date.</source>
        <translation>Tarixi daxil edin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="60"/>
        <source>Date as dd.mm.yyyy.</source>
        <translation>Tarix gg.aa.iiii formatında olmalıdır.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="61"/>
        <source>This date does not exist.</source>
        <translation>Belə tarix mövcud deyil.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="62"/>
        <source>The date cannot be in the future.</source>
        <translation>Tarix gələcək günə aid ola bilməz.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="63"/>
        <source>The date is too far in the past.</source>
        <translation>Tarix həddən artıq köhnədir.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="64"/>
        <source>The document is dated after the application.</source>
        <translation>Sənədin tarixi müraciət tarixindən sonradır.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="67"/>
        <source>Choose a value.</source>
        <translation>Dəyər seçin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="68"/>
        <source>This variant is not in the passport.</source>
        <translation>Bu variant xidmət pasportunda yoxdur.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="71"/>
        <source>The passport does not list this application form.</source>
        <translation>Xidmət pasportunda belə müraciət forması nəzərdə tutulmayıb.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="74"/>
        <source>The passport does not list this response form.</source>
        <translation>Xidmət pasportunda belə cavablandırma forması nəzərdə tutulmayıb.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="77"/>
        <source>Ticket: up to 16 letters, digits and dashes.</source>
        <translation>Növbə nömrəsi: ən çoxu 16 hərf, rəqəm və defis.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="80"/>
        <source>Choose the authority document type.</source>
        <translation>Səlahiyyət sənədinin növünü seçin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="83"/>
        <source>The service is not for this user type.</source>
        <translation>Bu xidmət həmin istifadəçi növü üçün nəzərdə tutulmayıb.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="86"/>
        <source>The user type does not match the applicant.</source>
        <translation>İstifadəçi növü müraciət edənə uyğun gəlmir.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="89"/>
        <source>Choose who applies.</source>
        <translation>Kimin müraciət etdiyini seçin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="90"/>
        <source>Choose at least one refusal ground.</source>
        <translation>Ən azı bir imtina əsası seçin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="93"/>
        <source>This ground is not in the passport.</source>
        <translation>Bu əsas xidmət pasportunda yoxdur.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="96"/>
        <source>Choose one of the passport&apos;s legal bases.</source>
        <translation>Xidmət pasportunda göstərilən hüquqi əsaslardan birini seçin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="99"/>
        <source>Enter the amount paid, e.g. 5.00.</source>
        <translation>Ödənilmiş məbləği daxil edin, məsələn, 5.00.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="100"/>
        <source>The passport does not allow this form for the document.</source>
        <translation>Xidmət pasportu bu sənədin belə formada təqdim edilməsinə yol vermir.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="103"/>
        <source>The applicant is not entered.</source>
        <translation>Müraciət edənin məlumatları daxil edilməyib.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="104"/>
        <source>The representative is not entered.</source>
        <translation>Nümayəndənin məlumatları daxil edilməyib.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="107"/>
        <source>Documents missing: %1</source>
        <translation>Təqdim edilməyən sənədlər: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="108"/>
        <source>The calendar covers the years 2000 to 2100.</source>
        <translation>Təqvim 2000–2100-cü illəri əhatə edir.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="111"/>
        <source>Choose a day off or a working day.</source>
        <translation>İstirahət və ya iş günü seçin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="114"/>
        <source>The fee payment is not recorded.</source>
        <translation>Xidmət haqqının ödənilməsi qeydə alınmayıb.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="11"/>
        <source>Draft</source>
        <translation>Qaralama</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="12"/>
        <source>Submitted</source>
        <translation>Qəbul edilib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="13"/>
        <source>Ordered</source>
        <translation>Sifariş edilib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="14"/>
        <source>Ready</source>
        <translation>Hazırdır</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="15"/>
        <source>Handed over</source>
        <translation>Təhvil verilib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="16"/>
        <source>Refused</source>
        <translation>İmtina edilib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="17"/>
        <source>Cancelled</source>
        <translation>Ləğv edilib</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../dost_desk/ui/supervisor_dialog.py" line="36"/>
        <source>Supervisor&apos;s list</source>
        <translation>Rəhbərin siyahısı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/supervisor_dialog.py" line="43"/>
        <source>Since</source>
        <translation>Tarix</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/supervisor_dialog.py" line="43"/>
        <source>Registration number</source>
        <translation>Qeydiyyat nömrəsi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/supervisor_dialog.py" line="43"/>
        <source>What to review</source>
        <translation>Nəyə baxılmalıdır</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/supervisor_dialog.py" line="50"/>
        <source>&amp;Open the application</source>
        <translation>Müraciəti &amp;aç</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/supervisor_dialog.py" line="51"/>
        <source>Mark as &amp;reviewed</source>
        <translation>&amp;Baxıldı kimi qeyd et</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/supervisor_dialog.py" line="81"/>
        <source>Nothing to review.</source>
        <translation>Baxılacaq heç nə yoxdur.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="78"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="79"/>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="108"/>
        <source>Registration number</source>
        <translation>Qeydiyyat nömrəsi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="80"/>
        <source>Reason of cancellation</source>
        <translation>Ləğv səbəbi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="81"/>
        <source>Refusal</source>
        <translation>İmtina</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="82"/>
        <source>Outcome at</source>
        <translation>Nəticə vaxtı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="83"/>
        <source>Deadline</source>
        <translation>Son müddət</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="84"/>
        <source>Last changed</source>
        <translation>Son dəyişiklik</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="85"/>
        <source>Applicant</source>
        <translation>Müraciətçi</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="86"/>
        <source>Form being typed</source>
        <translation>Doldurulan forma</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="87"/>
        <source>Fee</source>
        <translation>Rüsum</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="88"/>
        <source>Variant</source>
        <translation>Variant</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="99"/>
        <source>Sync conflicts and duplicates</source>
        <translation>Sinxronizasiya ziddiyyətləri və dublikatlar</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="109"/>
        <source>Here</source>
        <translation>Burada</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="110"/>
        <source>Central</source>
        <translation>Mərkəzdə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="111"/>
        <source>Differs in</source>
        <translation>Fərqlənir</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="116"/>
        <source>Field</source>
        <translation>Sahə</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="116"/>
        <source>This centre</source>
        <translation>Bu mərkəz</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="116"/>
        <source>Central database</source>
        <translation>Mərkəzi baza</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="120"/>
        <source>Keep &amp;this centre&apos;s version</source>
        <translation>&amp;Bu mərkəzin versiyasını saxla</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="123"/>
        <source>Keep the c&amp;entral version</source>
        <translation>M&amp;ərkəzi versiyanı saxla</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="125"/>
        <source>&amp;Open the application</source>
        <translation>Müraciəti &amp;aç</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="146"/>
        <source>FİN</source>
        <translation>FİN</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="147"/>
        <source>Service</source>
        <translation>Xidmət</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="148"/>
        <source>First application</source>
        <translation>Birinci müraciət</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="149"/>
        <source>Second application</source>
        <translation>İkinci müraciət</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="154"/>
        <source>&amp;Check the central database</source>
        <translation>Mərkəzi bazanı &amp;yoxla</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="160"/>
        <source>The same FİN applying for the same service at two centres within 30 days.</source>
        <translation>Eyni FİN ilə eyni xidmətə 30 gün ərzində iki mərkəzdə edilən müraciətlər.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="167"/>
        <source>Conflicts</source>
        <translation>Ziddiyyətlər</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="168"/>
        <source>Possible duplicates</source>
        <translation>Ehtimal olunan dublikatlar</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="209"/>
        <source>No conflicts: every application agrees.</source>
        <translation>Ziddiyyət yoxdur: bütün müraciətlər uyğundur.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="240"/>
        <source>Found at the sync of %1. Both versions are kept until you choose.</source>
        <translation>%1 sinxronizasiyasında aşkar edildi. Siz seçənədək hər iki versiya saxlanılır.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="256"/>
        <source>Kept this centre&apos;s version: it is sent at the next sync.</source>
        <translation>Bu mərkəzin versiyası saxlanıldı: növbəti sinxronizasiyada göndəriləcək.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="258"/>
        <source>Kept the central version: it replaced this centre&apos;s one.</source>
        <translation>Mərkəzi versiya saxlanıldı: bu mərkəzin versiyasını əvəz etdi.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="270"/>
        <source>Asking the central database…</source>
        <translation>Mərkəzi bazaya sorğu göndərilir…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dost_desk/ui/sync_dialog.py" line="296"/>
        <source>%n possible duplicate(s).</source>
        <translation>
            <numerusform>%n ehtimal olunan dublikat.</numerusform>
            <numerusform>%n ehtimal olunan dublikat.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="298"/>
        <source>No possible duplicates.</source>
        <translation>Ehtimal olunan dublikat yoxdur.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_dialog.py" line="304"/>
        <source>The central database could not be asked: %1</source>
        <translation>Mərkəzi bazaya sorğu alınmadı: %1</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="24"/>
        <source>Here only</source>
        <translation>Yalnız burada</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="25"/>
        <source>Syncing…</source>
        <translation>Sinxronlaşdırılır…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="26"/>
        <source>Synced</source>
        <translation>Sinxronlaşdırılıb</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/labels.py" line="27"/>
        <source>Conflict</source>
        <translation>Ziddiyyət</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_controller.py" line="108"/>
        <source>Sync state unknown</source>
        <translation>Sinxronizasiya vəziyyəti məlum deyil</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_controller.py" line="111"/>
        <source>Not synced: no central database</source>
        <translation>Sinxronizasiya yoxdur: mərkəzi baza təyin edilməyib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_controller.py" line="112"/>
        <source>Set upstream_url in the configuration to sync with the central database.</source>
        <translation>Mərkəzi baza ilə sinxronizasiya üçün konfiqurasiyada upstream_url təyin edin.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_controller.py" line="119"/>
        <source>Synced %1</source>
        <translation>Sinxronlaşdırılıb: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_controller.py" line="121"/>
        <source>Not synced yet</source>
        <translation>Hələ sinxronlaşdırılmayıb</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_controller.py" line="123"/>
        <source>%1 changes waiting</source>
        <translation>%1 dəyişiklik gözləyir</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_controller.py" line="127"/>
        <source>%1 conflicts</source>
        <translation>%1 ziddiyyət</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_controller.py" line="134"/>
        <source>Sync failed — the changes are kept</source>
        <translation>Sinxronizasiya alınmadı — dəyişikliklər saxlanılıb</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/sync_controller.py" line="136"/>
        <source>Last error: %1</source>
        <translation>Son xəta: %1</translation>
    </message>
</context>
</TS>
