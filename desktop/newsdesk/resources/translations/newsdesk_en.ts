<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditTab</name>
    <message numerus="yes">
        <source>%n entry(s) shown</source>
        <translation>
            <numerusform>%n entry shown</numerusform>
            <numerusform>%n entries shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message numerus="yes">
        <source>%n card(s) in this column</source>
        <translation>
            <numerusform>%n card in this column</numerusform>
            <numerusform>%n cards in this column</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older: see the Published page</source>
        <translation>
            <numerusform>%n older: see the Published page</numerusform>
            <numerusform>%n older: see the Published page</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message numerus="yes">
        <source>required within %n day(s)</source>
        <translation>
            <numerusform>required within %n day</numerusform>
            <numerusform>required within %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardDetails</name>
    <message numerus="yes">
        <source>%n below</source>
        <translation>
            <numerusform>%n below</numerusform>
            <numerusform>%n below</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelsModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <source>%n paragraph(s) changed</source>
        <translation>
            <numerusform>%n paragraph changed</numerusform>
            <numerusform>%n paragraphs changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other field(s) changed</source>
        <translation>
            <numerusform>%n other field changed</numerusform>
            <numerusform>%n other fields changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⋯ %n unchanged paragraph(s)</source>
        <translation>
            <numerusform>⋯ %n unchanged paragraph</numerusform>
            <numerusform>⋯ %n unchanged paragraphs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message numerus="yes">
        <source>%n item(s) received</source>
        <translation>
            <numerusform>%n item received</numerusform>
            <numerusform>%n items received</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessagesTab</name>
    <message numerus="yes">
        <source>%n enquiries not answered within two working days.</source>
        <translation>
            <numerusform>%n enquiry not answered within two working days.</numerusform>
            <numerusform>%n enquiries not answered within two working days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlatformTab</name>
    <message numerus="yes">
        <source>Its %n monthly record(s) go with it. The messages already registered stay in the register.</source>
        <translation>
            <numerusform>Its %n monthly record goes with it. The messages already registered stay in the register.</numerusform>
            <numerusform>Its %n monthly records go with it. The messages already registered stay in the register.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishedPage</name>
    <message numerus="yes">
        <source>Retry %n failed delivery(s)</source>
        <translation>
            <numerusform>Retry %n failed delivery</numerusform>
            <numerusform>Retry %n failed deliveries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoteImagesBar</name>
    <message numerus="yes">
        <source>Downloading %n image(s) from other servers into the workspace…</source>
        <translation>
            <numerusform>Downloading %n image from another server into the workspace…</numerusform>
            <numerusform>Downloading %n images from other servers into the workspace…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepostDialog</name>
    <message numerus="yes">
        <source> — %n image(s) could not be downloaded; the editor lists them</source>
        <translation>
            <numerusform> — %n image could not be downloaded; the editor lists it</numerusform>
            <numerusform> — %n images could not be downloaded; the editor lists them</numerusform>
        </translation>
    </message>
</context>
</TS>
