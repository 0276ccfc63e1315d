<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az_AZ">
<context>
    <name>CatalogTreeModel</name>
    <message>
        <location filename="../../dost_desk/ui/models/catalog_tree_model.py" line="48"/>
        <source>Not classified</source>
        <translation>Təsnif edilməyib</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/models/catalog_tree_model.py" line="116"/>
        <source>Services</source>
        <translation>Xidmətlər</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="34"/>
        <location filename="../../dost_desk/ui/main_window.py" line="134"/>
        <source>DOST Desk</source>
        <translation>DOST Desk</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="39"/>
        <source>Search services by name, ID or document (Ctrl+F)</source>
        <translation>Xidməti ada, ID-yə və ya sənədə görə axtarın (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="63"/>
        <source>Start application</source>
        <translation>Müraciətə başla</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="65"/>
        <source>Application intake comes in a later version.</source>
        <translation>Müraciətlərin qəbulu növbəti versiyada əlavə olunacaq.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="88"/>
        <source>&amp;File</source>
        <translation>&amp;Fayl</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="89"/>
        <source>&amp;Quit</source>
        <translation>Çı&amp;xış</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="93"/>
        <source>&amp;View</source>
        <translation>&amp;Görünüş</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="94"/>
        <source>&amp;Find service</source>
        <translation>Xidməti &amp;tap</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="98"/>
        <source>&amp;Help</source>
        <translation>&amp;Kömək</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="99"/>
        <source>&amp;About DOST Desk</source>
        <translation>DOST Desk &amp;haqqında</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="106"/>
        <source>Version %1</source>
        <translation>Versiya %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="112"/>
        <source>Loading the catalog…</source>
        <translation>Kataloq yüklənir…</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="121"/>
        <source>Centre %1 (category %2)</source>
        <translation>Mərkəz %1 (%2 kateqoriyası)</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="125"/>
        <source>Database: %1</source>
        <translation>Verilənlər bazası: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="130"/>
        <source>Database unavailable: %1</source>
        <translation>Verilənlər bazası əlçatan deyil: %1</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="133"/>
        <source>The catalog could not be loaded.</source>
        <translation>Kataloq yüklənmədi.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dost_desk/ui/main_window.py" line="153"/>
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n xidmət</numerusform>
            <numerusform>%n xidmət</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="153"/>
        <source>No services</source>
        <translation>Xidmət yoxdur</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="156"/>
        <source>Nothing found for “%1”</source>
        <translation>“%1” üzrə heç nə tapılmadı</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="203"/>
        <source>About DOST Desk</source>
        <translation>DOST Desk haqqında</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/main_window.py" line="204"/>
        <source>DOST Desk %1 — the counter application of DOST centres.</source>
        <translation>DOST Desk %1 — DOST mərkəzlərinin qəbul masası proqramı.</translation>
    </message>
</context>
<context>
    <name>PassportView</name>
    <message>
        <location filename="../../dost_desk/ui/widgets/passport_view.py" line="37"/>
        <source>Choose a service on the left or search for it.</source>
        <translation>Soldakı siyahıdan xidməti seçin və ya axtarın.</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/widgets/passport_view.py" line="48"/>
        <source>provisional ID</source>
        <translation>müvəqqəti ID</translation>
    </message>
    <message>
        <location filename="../../dost_desk/ui/widgets/passport_view.py" line="51"/>
        <source>not stated</source>
        <translation>göstərilməyib</translation>
    </message>
</context>
</TS>
