<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az_AZ">
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="34"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="35"/>
        <source>Notarised copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="36"/>
        <source>Electronic copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="37"/>
        <source>Not submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="40"/>
        <source>Obtained electronically from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="53"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/checklist_model.py" line="53"/>
        <source>Submitted as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeActions</name>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="53"/>
        <source>Not saved — the database is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="82"/>
        <source>Natural person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="253"/>
        <source>All documents are submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="257"/>
        <source>Missing %1 of %2 documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="276"/>
        <source>The passport does not allow this form for the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="321"/>
        <source>Applicant: %1&lt;br&gt;Documents: %2 of %3 submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="375"/>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="379"/>
        <source>Accepted. Registration number &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="384"/>
        <source>Deadline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="389"/>
        <source>E-sosial notice due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="394"/>
        <source>Service time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/actions.py" line="429"/>
        <source>No earlier applicant found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePages</name>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="34"/>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="35"/>
        <source>Via a representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="36"/>
        <source>Via the call centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="37"/>
        <source>Self-service (electronic systems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="40"/>
        <source>By post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="41"/>
        <source>Proactively</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="47"/>
        <source>Citizen of Azerbaijan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="48"/>
        <source>Foreigner with permanent residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="51"/>
        <source>Stateless person with permanent residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="54"/>
        <source>Individual entrepreneur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="57"/>
        <source>Legal entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="58"/>
        <source>Family farm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="73"/>
        <source>New application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="77"/>
        <source>e.g. A-017 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="80"/>
        <source>&amp;Ticket number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="106"/>
        <source>&amp;Application form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="112"/>
        <source>&amp;Response form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="125"/>
        <source>&amp;FİN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="126"/>
        <source>7 characters, e.g. 5ZX8K2P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="130"/>
        <source>Identity &amp;document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="132"/>
        <source>Identity card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="133"/>
        <source>Residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="134"/>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="139"/>
        <source>Series and &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="142"/>
        <source>&amp;Surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="143"/>
        <source>Na&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="144"/>
        <source>&amp;Patronymic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="147"/>
        <source>&amp;Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="148"/>
        <location filename="../../dost_desk/ui/intake/pages.py" line="256"/>
        <source>dd.mm.yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="150"/>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="158"/>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="162"/>
        <source>Find an earlier applicant by FİN, VÖEN or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="167"/>
        <source>F&amp;ind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="176"/>
        <source>&amp;Who applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="178"/>
        <source>&amp;User type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="183"/>
        <source>&amp;VÖEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="184"/>
        <source>10 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="187"/>
        <source>&amp;Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="189"/>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="190"/>
        <source>A&amp;ddress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="234"/>
        <source>Representative and authority document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="241"/>
        <source>&amp;Authority document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="245"/>
        <source>Power of attorney</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="247"/>
        <source>Guardianship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="251"/>
        <source>Document n&amp;umber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="255"/>
        <source>Document da&amp;te</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="259"/>
        <source>Issued by (n&amp;otary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="270"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="283"/>
        <source>Space: submitted / not · 1 original · 2 copy · 3 notarised copy · 4 electronic copy · 5 obtained electronically · 0 not submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="300"/>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="303"/>
        <source>&amp;Amount (AZN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="305"/>
        <source>Payment &amp;method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="307"/>
        <source>Payment &amp;reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="318"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="324"/>
        <source>&amp;Accept (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="329"/>
        <source>Refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="339"/>
        <source>Reason (free text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="346"/>
        <source>&amp;Refuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="355"/>
        <source>&amp;New application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/pages.py" line="368"/>
        <source>Legal basis: as in the passport</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <location filename="../../dost_desk/ui/intake/intake_view.py" line="83"/>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/intake_view.py" line="84"/>
        <source>Next (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/intake/intake_view.py" line="211"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="39"/>
        <location filename="../../dost_desk/ui/main_window.py" line="153"/>
        <source>DOST Desk</source>
        <translation>DOST Desk</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="45"/>
        <source>Search services by name, ID or document (Ctrl+F)</source>
        <translation>Xidməti ada, ID-yə və ya sənədə görə axtarın (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="69"/>
        <source>&amp;Start application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="71"/>
        <location filename="../../dost_desk/ui/main_window.py" line="236"/>
        <source>Choose a service first (the database must be open).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="101"/>
        <source>&amp;File</source>
        <translation>&amp;Fayl</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="102"/>
        <source>&amp;Quit</source>
        <translation>Çı&amp;xış</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="106"/>
        <source>&amp;View</source>
        <translation>&amp;Görünüş</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="107"/>
        <source>&amp;Find service</source>
        <translation>Xidməti &amp;tap</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="111"/>
        <source>&amp;Help</source>
        <translation>&amp;Kömək</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="112"/>
        <source>&amp;About DOST Desk</source>
        <translation>DOST Desk &amp;haqqında</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="119"/>
        <source>Version %1</source>
        <translation>Versiya %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="125"/>
        <source>Loading the catalog…</source>
        <translation>Kataloq yüklənir…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="135"/>
        <source>Centre %1 (category %2)</source>
        <translation>Mərkəz %1 (%2 kateqoriyası)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="139"/>
        <source>Database: %1</source>
        <translation>Verilənlər bazası: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="145"/>
        <source>An unfinished application was reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="148"/>
        <source>Database unavailable: %1</source>
        <translation>Verilənlər bazası əlçatan deyil: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="152"/>
        <source>The catalog could not be loaded.</source>
        <translation>Kataloq yüklənmədi.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dost_desk/ui/main_window.py" line="175"/>
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n xidmət</numerusform>
            <numerusform>%n xidmət</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="175"/>
        <source>No services</source>
        <translation>Xidmət yoxdur</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="178"/>
        <source>Nothing found for “%1”</source>
        <translation>“%1” üzrə heç nə tapılmadı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="234"/>
        <source>Start an application for this service (Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="272"/>
        <source>About DOST Desk</source>
        <translation>DOST Desk haqqında</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="273"/>
        <source>DOST Desk %1 — the counter application of DOST centres.</source>
        <translation>DOST Desk %1 — DOST mərkəzlərinin qəbul masası proqramı.</translation>
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
    <name>Problems</name>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="13"/>
        <source>Enter the FİN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="14"/>
        <source>The FİN has 7 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="15"/>
        <source>The FİN has only digits and Latin capitals, without I and O.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="18"/>
        <source>The representative cannot be the applicant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="21"/>
        <source>The applicant cannot be their own representative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="24"/>
        <source>Enter the VÖEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="25"/>
        <source>The VÖEN has 10 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="26"/>
        <source>Enter the phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="27"/>
        <source>Phone: +994 and 9 digits, e.g. 050 123 45 67.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="30"/>
        <source>Enter the e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="31"/>
        <source>The e-mail address is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="32"/>
        <source>This is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="33"/>
        <source>This name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="34"/>
        <source>The name is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="35"/>
        <source>A name has only letters, spaces, hyphens and apostrophes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="38"/>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="39"/>
        <source>The text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="40"/>
        <source>Choose the identity document type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="43"/>
        <source>Enter the document series and number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="46"/>
        <source>Series and number: AA1234567 or AZE12345678.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="49"/>
        <source>Enter the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="50"/>
        <source>Date as dd.mm.yyyy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="51"/>
        <source>This date does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="52"/>
        <source>The date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="53"/>
        <source>The date is too far in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="54"/>
        <source>The document is dated after the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="57"/>
        <source>Choose a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="58"/>
        <source>This variant is not in the passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="61"/>
        <source>The passport does not list this application form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="64"/>
        <source>The passport does not list this response form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="67"/>
        <source>Ticket: up to 16 letters, digits and dashes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="70"/>
        <source>Choose the authority document type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="73"/>
        <source>The service is not for this user type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="76"/>
        <source>The user type does not match the applicant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="79"/>
        <source>Choose who applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="80"/>
        <source>Choose at least one refusal ground.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="83"/>
        <source>This ground is not in the passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="86"/>
        <source>Choose one of the passport&apos;s legal bases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="89"/>
        <source>Enter the amount paid, e.g. 5.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="90"/>
        <source>The passport does not allow this form for the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="93"/>
        <source>The applicant is not entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="94"/>
        <source>The representative is not entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="97"/>
        <source>Documents missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/problem_messages.py" line="98"/>
        <source>The fee payment is not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
