#include "app/card/StatementImportDialog.h"

#include "app/card/CardQueries.h"
#include "app/sync/ClientSession.h"
#include "common/card/CardStatementImport.h"
#include "common/card/CardTypes.h"
#include "common/core/ChinaTime.h"

#include <QComboBox>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

StatementImportDialog::StatementImportDialog(ClientSession &session, const QString &villageId,
                                             QWidget *parent)
    : TableImportDialog(
          session,
          {tr("Import bank statement"),
           tr("Choose the card, then the bank's statement of it (.xlsx or CSV, UTF-8 or GBK, one row per "
              "transaction) with a header row naming the columns %1; optional: %2. Lines imported before "
              "(the same 交易流水号) are skipped; purchases are matched with the card's approved requests.")
               .arg(card::cardStatementHeaders(true).join(u"、"_s),
                    card::cardStatementHeaders(false).join(u"、"_s)),
           tr("Choose a bank statement"), tr("Statements (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"),
           [](int n) { return tr("Saving %n transactions…", nullptr, n); },
           [](int n) {
               return tr("%n transactions imported; they are sent when the program is online.", nullptr, n);
           }},
          parent)
{
    m_card = new QComboBox(this);
    m_card->setObjectName(u"cardCombo"_s);
    const auto cards = cardquery::cardChoices(session.cache(), villageId);
    for (const auto &[id, label] : cards) {
        const std::optional<CachedRecord> rec = session.cache().record(id);
        const QString place = rec ? session.orgUnitName(rec->record.orgUnitId) : QString();
        m_card->addItem(place.isEmpty() ? label : place + u" · "_s + label, id);
    }
    addOption(tr("&Card:"), m_card);
}

void StatementImportDialog::setCard(const QString &cardId)
{
    m_card->setCurrentIndex(qMax(0, m_card->findData(cardId)));
}

bool StatementImportDialog::acceptSheet(const io::TableData &table) const
{
    return card::hasCardStatementHeader(table);
}

std::optional<TableImportDialog::Check> StatementImportDialog::checkFunction(QString *error)
{
    const QString cardId = m_card->currentData().toString();
    const std::optional<CachedRecord> rec = session().cache().record(cardId);
    if (!rec) {
        *error = tr("Choose the card the statement belongs to.");
        return std::nullopt;
    }
    const std::optional<OrgUnit> village = session().orgUnit(rec->record.orgUnitId);
    if (!village) {
        *error = tr("The card's village is not in the local data; synchronise first.");
        return std::nullopt;
    }
    card::CardStatementOptions options;
    options.cardId = cardId;
    options.cardLast4 = rec->record.fields.value(u"last4"_s).toString();
    options.placement.orgUnitId = village->id;
    options.placement.orgPath = village->path;
    options.placement.orgLevel = village->level;
    options.placement.departmentId = rec->record.departmentId;
    options.today = chinaDateOf(session().clock().nowMs());
    options.stored = cardquery::transactionsOf(session().cache(), cardId);
    for (const card::CardTxn &t : std::as_const(options.stored))
        options.imported.insert(t.id);
    options.requests = cardquery::approvedRequestsOf(session().cache(), cardId);
    const QString type = QString::fromUtf16(card::CardTransactionType::kName);
    return [options, type](const io::TableData &table, const io::ProgressCallback &progress) mutable {
        options.progress = progress;
        const card::CardStatementResult r = card::checkCardStatement(table, options);
        TableImportCheck check;
        check.problems = r.problems;
        check.rowsRead = r.rowsRead;
        check.badRows = r.badRows;
        check.error = r.error;
        check.cancelled = r.cancelled;
        QStringList notes;
        if (r.alreadyImported > 0)
            notes.append(tr("%n lines were imported before and are skipped.", nullptr, r.alreadyImported));
        if (r.matched > 0)
            notes.append(tr("%n purchases matched with approved spend requests.", nullptr, r.matched));
        check.note = notes.join(u' ');
        for (const card::CardStatementRow &row : r.rows) {
            LocalCache::Change c;
            c.type = type;
            c.recordId = row.recordId;
            c.orgUnitId = options.placement.orgUnitId;
            c.departmentId = options.placement.departmentId;
            c.changedFields = row.fields;
            check.changes.append(std::move(c));
        }
        return check;
    };
}

} // namespace sunshine::app
