#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>
#include <utility>

// Hand-made .xlsx files for tests, written part by part as Excel, LibreOffice and openpyxl store them
// (numbers in General cells, inline and shared strings, merged ranges), where the project's own writer would
// not.
namespace sunshine::test {

using namespace Qt::Literals::StringLiterals;

using Parts = QList<std::pair<QString, QByteArray>>;

// A ZIP archive with the given entries, as a hand-made .xlsx.
inline bool writeZip(const QString &path, const Parts &parts)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const auto &[name, data] : parts) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)))
            return false;
        file.write(data);
        file.close();
        if (file.getZipError() != ZIP_OK)
            return false;
    }
    zip.close();
    return zip.getZipError() == ZIP_OK;
}

inline const QByteArray kContentTypes = R"(<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>)";

inline const QByteArray kPackageRels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>)";

// A workbook of one sheet (xl/worksheets/sheet1.xml) with the given sheet XML and shared strings, and styles
// where s="1" is the built-in date format 14.
inline Parts oneSheetWorkbook(const QByteArray &sheetData, const QByteArray &sharedStrings = {},
                              bool date1904 = false, const QByteArray &afterData = {})
{
    const QByteArray workbook = QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)") +
                                (date1904 ? R"(<workbookPr date1904="1"/>)" : "") + R"(
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
    const QByteArray rels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>)";
    const QByteArray sharedStringsRel =
        R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)";
    const QByteArray styles = R"(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>)";
    const QByteArray sheet = R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
                             sheetData + "</sheetData>" + afterData + "</worksheet>";
    Parts parts{{u"[Content_Types].xml"_s, kContentTypes},
                {u"_rels/.rels"_s, kPackageRels},
                {u"xl/workbook.xml"_s, workbook},
                {u"xl/_rels/workbook.xml.rels"_s,
                 sharedStrings.isEmpty()
                     ? rels
                     : QByteArray(rels).replace("</Relationships>",
                                                QByteArray(sharedStringsRel + "</Relationships>"))},
                {u"xl/styles.xml"_s, styles},
                {u"xl/worksheets/sheet1.xml"_s, sheet}};
    if (!sharedStrings.isEmpty()) {
        parts.append(
            {u"xl/sharedStrings.xml"_s,
             R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
                 sharedStrings + "</sst>"});
    }
    return parts;
}

} // namespace sunshine::test
