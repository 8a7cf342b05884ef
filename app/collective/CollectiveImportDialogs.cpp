#include "app/collective/CollectiveImportDialogs.h"

#include "app/collective/CollectiveQueries.h"
#include "app/records/RecordListView.h"
#include "app/sync/CacheQuery.h"
#include "app/sync/ClientSession.h"
#include "common/collective/AssetImport.h"
#include "common/collective/CollectiveTypes.h"
#include "common/collective/LedgerImport.h"
#include "common/collective/LedgerTypes.h"
#include "common/core/ChinaTime.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QPushButton>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace cachequery;
using sync::RecordType;

namespace {

sync::Placement placementOf(const OrgUnit &village, const QString &departmentId)
{
    sync::Placement p;
    p.orgUnitId = village.id;
    p.orgPath = village.path;
    p.orgLevel = village.level;
    p.departmentId = departmentId;
    return p;
}

// The journal as the cache knows it: the server's figures moved on by the entries and closes not sent yet;
// and the keys of all its entries, in *imported.
collective::LedgerBookState bookStateOf(const LocalCache &cache, const CachedRecord &book,
                                        QSet<QString> *imported)
{
    const QJsonObject &f = book.record.fields;
    collective::LedgerBookState s;
    s.bookId = book.record.id;
    s.kind = f.value(u"kind"_s).toString();
    s.openingOn = RecordType::dateOf(f, u"openingOn"_s);
    s.lastOn = RecordType::dateOf(f, u"lastOn"_s);
    s.closedThrough = RecordType::dateOf(f, u"closedThrough"_s);
    if (f.contains(u"balance"_s) || f.contains(u"openingBalance"_s))
        s.balance = RecordType::fenOf(f, f.contains(u"balance"_s) ? u"balance"_s : u"openingBalance"_s);
    const CacheCondition ofBook = equals(field(u"bookId"_s), s.bookId);
    CacheQuery(cache, QString::fromUtf16(collective::LedgerEntryType::kName))
        .where(ofBook)
        .forEach({kState, kData}, [&s, imported](const QSqlQuery &q) {
            const QJsonObject e = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
            imported->insert(collective::ledgerEntryKey(e));
            const RecordState state = RecordState(q.value(0).toInt());
            if (state == RecordState::Rejected)
                return; // the server never took it
            s.lastOn = std::max(s.lastOn, RecordType::dateOf(e, u"on"_s));
            if (state == RecordState::Pending && s.balance)
                s.balance = collective::balanceAfter(*s.balance, collective::LedgerEntryType::directionOf(e),
                                                     RecordType::fenOf(e, u"amount"_s));
        });
    CacheQuery(cache, QString::fromUtf16(collective::CashCloseType::kName))
        .where(ofBook)
        .forEach({kState, field(u"on"_s)}, [&s](const QSqlQuery &q) {
            if (RecordState(q.value(0).toInt()) != RecordState::Rejected)
                s.closedThrough =
                    std::max(s.closedThrough, QDate::fromString(q.value(1).toString(), Qt::ISODate));
        });
    return s;
}

// What the shared dialog shows of a check and saves of its good rows.
template <class Result>
TableImportCheck importCheckOf(const Result &r, const QString &type, const sync::Placement &placement)
{
    TableImportCheck check;
    check.problems = r.problems;
    check.rowsRead = r.rowsRead;
    check.badRows = r.badRows;
    check.error = r.error;
    check.cancelled = r.cancelled;
    for (const auto &row : r.rows) {
        LocalCache::Change c;
        c.type = type;
        c.recordId = row.recordId;
        c.orgUnitId = placement.orgUnitId;
        c.departmentId = placement.departmentId;
        c.changedFields = row.fields;
        check.changes.append(std::move(c));
    }
    return check;
}

} // namespace

// --- JournalImportDialog -----------------------------------------------------------------------------------

JournalImportDialog::JournalImportDialog(ClientSession &session, const QString &villageId, QWidget *parent)
    : TableImportDialog(
          session,
          {tr("Import journal"),
           tr("Choose the journal, then the file of its entries (.xlsx or CSV, UTF-8 or GBK, one row per "
              "entry) with a header row naming the columns %1 (or one 金额 column with 方向); optional: %2. "
              "The rows are saved in date order. Rows entered before (the same date, 凭证号, amount and "
              "direction) are skipped; rows dated before the journal's last entry are refused.")
               .arg(collective::ledgerImportHeaders(true).join(u"、"_s),
                    collective::ledgerImportHeaders(false).join(u"、"_s)),
           tr("Choose a journal file"), tr("Journals (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"),
           [](int n) { return tr("Saving %n entries…", nullptr, n); },
           [](int n) {
               return tr("%n entries imported; they are sent when the program is online.", nullptr, n);
           }},
          parent)
{
    m_book = new QComboBox(this);
    m_book->setObjectName(u"bookCombo"_s);
    m_book->addItem(tr("(choose the journal)"), QString());
    const auto offered = collectivequery::bookChoices(session.cache(), villageId);
    for (const auto &[id, label] : offered) {
        const std::optional<CachedRecord> rec = session.cache().record(id);
        const QString place = rec ? session.orgUnitName(rec->record.orgUnitId) : QString();
        m_book->addItem(place.isEmpty() ? label : place + u" · "_s + label, id);
    }
    addOption(tr("&Journal:"), m_book);
}

void JournalImportDialog::setBook(const QString &bookId)
{
    m_book->setCurrentIndex(qMax(0, m_book->findData(bookId)));
}

bool JournalImportDialog::acceptSheet(const io::TableData &table) const
{
    return collective::hasLedgerHeader(table);
}

std::optional<TableImportDialog::Check> JournalImportDialog::checkFunction(QString *error)
{
    const QString bookId = m_book->currentData().toString();
    const std::optional<CachedRecord> book =
        bookId.isEmpty() ? std::optional<CachedRecord>() : session().cache().record(bookId);
    if (!book) {
        *error = tr("Choose the journal the file belongs to.");
        return std::nullopt;
    }
    const std::optional<OrgUnit> village = session().orgUnit(book->record.orgUnitId);
    if (!village) {
        *error = tr("The journal's village is not in the local data; synchronise first.");
        return std::nullopt;
    }
    collective::LedgerImportOptions options;
    options.book = bookStateOf(session().cache(), *book, &options.imported);
    options.placement = placementOf(*village, book->record.departmentId);
    options.today = chinaDateOf(session().clock().nowMs());
    const QString type = QString::fromUtf16(collective::LedgerEntryType::kName);
    return [options, type](const io::TableData &table, const io::ProgressCallback &progress) mutable {
        options.progress = progress;
        const collective::LedgerImportResult r = collective::checkLedgerImport(table, options);
        TableImportCheck check = importCheckOf(r, type, options.placement);
        QStringList notes;
        if (r.reordered > 0)
            notes.append(
                tr("%n rows were out of date order; all are saved in date order.", nullptr, r.reordered));
        if (r.alreadyImported > 0)
            notes.append(tr("%n rows were entered before and are skipped.", nullptr, r.alreadyImported));
        check.note = notes.join(u' ');
        return check;
    };
}

// --- AssetRegisterImportDialog -----------------------------------------------------------------------------

AssetRegisterImportDialog::AssetRegisterImportDialog(ClientSession &session, const QString &villageId,
                                                     QWidget *parent)
    : TableImportDialog(
          session,
          {tr("Import asset register"),
           tr("Choose the village, then its asset register (.xlsx or CSV, UTF-8 or GBK, one row per asset) "
              "with a header row naming the columns %1; optional: %2. Assets whose 资产编号 the village has "
              "already are skipped.")
               .arg(collective::assetImportHeaders(true).join(u"、"_s),
                    collective::assetImportHeaders(false).join(u"、"_s)),
           tr("Choose an asset register"), tr("Registers (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"),
           [](int n) { return tr("Saving %n assets…", nullptr, n); },
           [](int n) {
               return tr("%n assets imported; they are sent when the program is online.", nullptr, n);
           }},
          parent)
{
    if (session.user().orgLevel == OrgLevel::Village) {
        m_ownVillage = session.user().orgUnitId;
        return;
    }
    m_village = new QComboBox(this);
    m_village->setObjectName(u"villageCombo"_s);
    m_village->addItem(tr("(choose the village)"), QString());
    const QList<OrgUnit> villages = session.orgUnitsAt(OrgLevel::Village);
    for (const OrgUnit &v : villages)
        m_village->addItem(v.name, v.id);
    addOption(tr("&Village:"), m_village);
    setVillage(villageId);
}

void AssetRegisterImportDialog::setVillage(const QString &villageId)
{
    if (m_village)
        m_village->setCurrentIndex(qMax(0, m_village->findData(villageId)));
}

QString AssetRegisterImportDialog::village() const
{
    return m_village ? m_village->currentData().toString() : m_ownVillage;
}

bool AssetRegisterImportDialog::acceptSheet(const io::TableData &table) const
{
    return collective::hasAssetHeader(table);
}

std::optional<TableImportDialog::Check> AssetRegisterImportDialog::checkFunction(QString *error)
{
    const QString villageId = village();
    const std::optional<OrgUnit> unit =
        villageId.isEmpty() ? std::optional<OrgUnit>() : session().orgUnit(villageId);
    if (!unit || unit->level != OrgLevel::Village) {
        *error = tr("Choose the village the register belongs to.");
        return std::nullopt;
    }
    collective::AssetImportOptions options;
    options.placement = placementOf(*unit, QString());
    options.today = chinaDateOf(session().clock().nowMs());
    const QString type = QString::fromUtf16(collective::CollectiveAssetType::kName);
    CacheQuery(session().cache(), type)
        .where(equals(kOrgUnit, unit->id))
        .forEach({field(u"code"_s)}, [&options](const QSqlQuery &q) {
            options.existingCodes.insert(q.value(0).toString().trimmed());
        });
    return [options, type](const io::TableData &table, const io::ProgressCallback &progress) mutable {
        options.progress = progress;
        const collective::AssetImportResult r = collective::checkAssetImport(table, options);
        TableImportCheck check = importCheckOf(r, type, options.placement);
        if (r.alreadyImported > 0)
            check.note = tr("%n assets are in the register already (the same 资产编号) and are skipped.",
                            nullptr, r.alreadyImported);
        return check;
    };
}

// --- the buttons -------------------------------------------------------------------------------------------

void addJournalImport(ClientSession &session, RecordListView *books, RecordListView *entries)
{
    if (!entersData(session))
        return;
    QPushButton *button = books->addAction(JournalImportDialog::tr("&Import journal…"));
    button->setObjectName(u"importJournal"_s);
    QObject::connect(button, &QPushButton::clicked, books, [&session, books, entries] {
        JournalImportDialog dialog(session, books->chosenPlace(), books);
        dialog.setBook(books->currentRecordId());
        dialog.exec();
        if (dialog.importedCount() > 0) {
            books->reload();
            entries->reload();
        }
    });
}

void addAssetRegisterImport(ClientSession &session, RecordListView *assets)
{
    if (!entersData(session))
        return;
    QPushButton *button = assets->addAction(AssetRegisterImportDialog::tr("&Import register…"));
    button->setObjectName(u"importAssetRegister"_s);
    QObject::connect(button, &QPushButton::clicked, assets, [&session, assets] {
        AssetRegisterImportDialog dialog(session, assets->chosenPlace(), assets);
        dialog.exec();
        if (dialog.importedCount() > 0)
            assets->reload();
    });
}

} // namespace sunshine::app
