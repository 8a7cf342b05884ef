#include "common/sync/RecordType.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;

// The house rules of CONTRIBUTING.md, checked on the source tree itself.
class TestCoreLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void coreNamesNoModule_data();
    void coreNamesNoModule();
    void includesResolveFromTheRoot();
    void headerNamesAreUnique();
    void sqlOnlyInTheQueryLayer();

private:
    QDir m_root{QString::fromUtf8(SUNSHINE_SOURCE_DIR)};
    QStringList m_sources;   // every .h/.cpp of the layers and tests, relative to the root
    QStringList m_modules;   // folder names of the modules (a folder of a layer with its own CMakeLists.txt)
    QStringList m_typeNames; // the wire names of the record types the modules register
};

void TestCoreLayout::initTestCase()
{
    QVERIFY2(m_root.exists(u"common/sync/RecordType.h"_s), qPrintable(m_root.path()));
    for (const QString &layer : {u"common"_s, u"server"_s, u"app"_s, u"tests"_s}) {
        QDirIterator it(m_root.filePath(layer), {u"*.h"_s, u"*.cpp"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            m_sources.append(m_root.relativeFilePath(it.next()));
    }
    QVERIFY(m_sources.size() > 100);
    for (const QString &layer : {u"common"_s, u"server"_s, u"app"_s}) {
        const QFileInfoList dirs =
            QDir(m_root.filePath(layer)).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QFileInfo &d : dirs) {
            if (QFile::exists(d.filePath() + u"/CMakeLists.txt"_s) && !m_modules.contains(d.fileName()))
                m_modules.append(d.fileName());
        }
    }
    QVERIFY2(m_modules.contains(u"relief"_s) && m_modules.contains(u"funds"_s),
             qPrintable(m_modules.join(u' ')));
    for (const QString &name : sync::RecordTypes::names()) {
        if (name != u"department-contact"_s) // the core's own type
            m_typeNames.append(name);
    }
    QVERIFY(m_typeNames.size() >= 15);
}

void TestCoreLayout::coreNamesNoModule_data()
{
    QTest::addColumn<QString>("folder");
    for (const QString &core :
         {u"common/sync"_s, u"common/core"_s, u"common/rules"_s, u"app/shell"_s, u"app/sync"_s,
          u"server/http"_s, u"server/sync"_s, u"server/store"_s, u"server/module"_s})
        QTest::newRow(qPrintable(core)) << core;
}

// A module's name (its folder; "fund" for "funds") anywhere, or one of its record types' wire names (as a
// word when it is distinctive, as a string literal when it is an everyday word such as "member").
void TestCoreLayout::coreNamesNoModule()
{
    QFETCH(QString, folder);
    QStringList patterns;
    // A module in code: its namespace or folder ("relief::", "funds/"), or an identifier made from its name
    // ("ReliefTab", "FundLine", "fundLines"); the product's own name, "Poverty-Relief Supervision", is prose.
    for (const QString &m : std::as_const(m_modules)) {
        const QString stem = QRegularExpression::escape(m.endsWith(u's') ? m.chopped(1) : m);
        const QString cap = stem.left(1).toUpper() + stem.mid(1);
        patterns.append(u"\\b"_s + stem + u"s?(::|/)"_s);
        patterns.append(u"\\b("_s + stem + u"|"_s + cap + u")s?[A-Z][a-z]"_s);
    }
    // Wire names that are everyday English words, which comments and Qt's own API use ("a warning is logged",
    // QMessageBox::warning), are looked for as string literals however long they are.
    static const QStringList everyday{u"warning"_s};
    for (const QString &t : std::as_const(m_typeNames)) {
        if (t.contains(u'-') || (t.size() >= 7 && !everyday.contains(t)))
            patterns.append(u"\\b"_s + QRegularExpression::escape(t) + u"\\b"_s);
        else
            patterns.append(u"\""_s + QRegularExpression::escape(t) + u"\""_s);
    }
    const QRegularExpression named(patterns.join(u'|'));
    QStringList found;
    QDirIterator it(m_root.filePath(folder), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        int lineNo = 0;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine());
            ++lineNo;
            if (const QRegularExpressionMatch m = named.match(line); m.hasMatch())
                found.append(
                    u"%1:%2: %3"_s.arg(m_root.relativeFilePath(f.fileName())).arg(lineNo).arg(m.captured()));
        }
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

void TestCoreLayout::includesResolveFromTheRoot()
{
    static const QRegularExpression include(u"^\\s*#\\s*include\\s+\"([^\"]+)\""_s,
                                            QRegularExpression::MultilineOption);
    QStringList unresolved;
    for (const QString &path : std::as_const(m_sources)) {
        QFile f(m_root.filePath(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QRegularExpressionMatchIterator it = include.globalMatch(text);
        while (it.hasNext()) {
            const QString target = it.next().captured(1);
            const bool generated = QFileInfo(target).fileName().startsWith(u"ui_"_s) ||
                                   target.endsWith(u".moc"_s) ||
                                   QFile::exists(m_root.filePath(target + u".in"_s));
            if (!generated && !QFile::exists(m_root.filePath(target)))
                unresolved.append(path + u": "_s + target);
        }
    }
    QVERIFY2(unresolved.isEmpty(), qPrintable(unresolved.join(u'\n')));
}

void TestCoreLayout::headerNamesAreUnique()
{
    QHash<QString, QString> seen;
    QStringList twice;
    for (const QString &path : std::as_const(m_sources)) {
        if (!path.endsWith(u".h"_s))
            continue;
        const QString name = QFileInfo(path).fileName();
        if (seen.contains(name))
            twice.append(seen.value(name) + u" and "_s + path);
        seen.insert(name, path);
    }
    QVERIFY2(twice.isEmpty(), qPrintable(twice.join(u'\n')));
}

// The client asks the local cache through its query layer (app/sync: CacheQuery, the cache itself; the lazy
// record model); the server writes a field's SQL through its store. No view or dialog writes SQL.
void TestCoreLayout::sqlOnlyInTheQueryLayer()
{
    static const QRegularExpression sql(u"json_extract|\"(SELECT|INSERT|UPDATE|DELETE) "_s);
    QStringList found;
    for (const QString &path : std::as_const(m_sources)) {
        if (path.startsWith(u"tests/"_s) || path.startsWith(u"app/sync/"_s) ||
            path.startsWith(u"server/"_s) || path.startsWith(u"common/"_s) ||
            path == u"app/records/RecordTableModel.cpp"_s)
            continue;
        QFile f(m_root.filePath(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        if (const QRegularExpressionMatch m = sql.match(text); m.hasMatch())
            found.append(path + u": "_s + m.captured());
    }
    for (const QString &path : std::as_const(m_sources)) {
        if ((!path.startsWith(u"server/"_s) && !path.startsWith(u"common/"_s)) ||
            path.startsWith(u"server/store/"_s))
            continue;
        QFile f(m_root.filePath(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        if (text.contains(u"json_extract("_s))
            found.append(path + u": json_extract("_s);
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestCoreLayout)
#include "tst_core_layout.moc"
