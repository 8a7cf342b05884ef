#pragma once

#include "common/io/TableFile.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringEncoder>
#include <QStringList>
#include <QTest>

// What the table reading tests share: files written as a clerk's program writes them, and a table compared
// with the rows and line numbers expected.
namespace sunshine::test {

using Rows = QList<QStringList>;
using Lines = QList<int>;

inline QByteArray gb18030(const QString &text)
{
    QStringEncoder encoder("GB18030");
    return encoder.encode(text);
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline QString describe(const Rows &rows)
{
    QStringList out;
    for (const QStringList &row : rows)
        out.append(QStringLiteral("[") + row.join(QStringLiteral(" | ")) + QStringLiteral("]"));
    return out.join(QStringLiteral(", "));
}

} // namespace sunshine::test

// Compares a table read with the rows and line numbers expected; names the first difference.
#define COMPARE_TABLE(table, expectedRows, expectedLines)                                                    \
    do {                                                                                                     \
        const sunshine::io::TableData &table_ = (table);                                                     \
        const sunshine::test::Rows &rows_ = (expectedRows);                                                  \
        QVERIFY2(table_.ok(), qPrintable(table_.error));                                                     \
        QVERIFY2(table_.rows.size() == rows_.size(),                                                         \
                 qPrintable(QStringLiteral("got ") + sunshine::test::describe(table_.rows) +                 \
                            QStringLiteral("\nwanted ") + sunshine::test::describe(rows_)));                 \
        for (qsizetype row_ = 0; row_ < rows_.size(); ++row_)                                                \
            QCOMPARE(table_.rows.at(row_), rows_.at(row_));                                                  \
        QCOMPARE(table_.lineNumbers, (expectedLines));                                                       \
    } while (false)
