#include "app/card/TransactionsView.h"

#include "app/card/CardQueries.h"
#include "app/card/CardRecordViews.h"
#include "app/card/StatementImportDialog.h"
#include "app/records/ComputedColumnProxy.h"
#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "app/sync/SyncEngine.h"
#include "common/card/CardTypes.h"

#include <QBrush>
#include <QComboBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace card;
using namespace cachequery;

TransactionsView::TransactionsView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    RecordListView::Options o;
    o.columns = {{u"on"_s, {}},      {u"at"_s, {}},           {u"@orgUnit"_s, {}}, {u"cardId"_s, {}},
                 {u"kind"_s, {}},    {u"amount"_s, {}},       {u"merchant"_s, {}}, {u"mcc"_s, {}},
                 {u"channel"_s, {}}, {u"counterparty"_s, {}}, {u"bankRef"_s, {}},  {u"@state"_s, tr("Sync")}};
    o.searchFields = {u"merchant"_s, u"counterparty"_s, u"bankRef"_s, u"mcc"_s};
    o.exportName = tr("Card transactions");
    o.canAdd = false; // lines come from the bank's statement
    o.canEdit = entersData(session);
    m_list = new RecordListView(session, sync::RecordTypes::get<CardTransactionType>(), o, this);
    m_list->setObjectName(u"cardTransactions"_s);
    showCardLabels(session, *m_list);

    // The matching and the warnings of each line, in one column.
    auto *matching = new ComputedColumnProxy(
        tr("Matching and warnings"),
        [this](const QString &id, int, int role) -> QVariant {
            if (role != Qt::DisplayRole && role != Qt::ForegroundRole)
                return {};
            const std::optional<CachedRecord> rec = m_session.cache().record(id);
            if (!rec)
                return {};
            const CardTxn t = CardTransactionType::txnOf(id, rec->record.fields);
            const QStringList warned = m_warnings.value(id);
            QStringList parts;
            // Spending not claimed yet is what the clerk follows up (orange); a purchase without a request is
            // only named (a warning says when one was needed).
            // A purchase a refund cancelled needs neither.
            const bool refunded = m_refunded.contains(id);
            const bool unclaimed = isOutflow(t.kind) && t.claimId.isEmpty() && !refunded;
            if (refunded)
                parts.append(t.kind == TxnKind::Refund ? tr("cancels a purchase") : tr("refunded"));
            else if (t.kind == TxnKind::Purchase)
                parts.append(t.requestId.isEmpty() ? tr("no request") : tr("request ✓"));
            if (isOutflow(t.kind) && !refunded)
                parts.append(unclaimed ? tr("not claimed") : tr("claimed ✓"));
            if (!warned.isEmpty())
                parts.append(u"⚠ "_s + warned.join(u"、"_s));
            if (role == Qt::ForegroundRole)
                return !warned.isEmpty() ? QVariant(QBrush(QColor(0xb3, 0x26, 0x1e)))
                       : unclaimed       ? QVariant(QBrush(QColor(0xb0, 0x5a, 0x00)))
                                         : QVariant();
            return parts.join(u" · "_s);
        },
        this);
    m_list->setProxy(matching);
    // The matching beside the amount; the latest lines first.
    m_list->view()->horizontalHeader()->moveSection(matching->computedColumn(), 6);
    m_list->view()->horizontalHeader()->resizeSection(matching->computedColumn(), 260);
    m_list->view()->sortByColumn(0, Qt::DescendingOrder);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(u"transactionFilter"_s);
    m_filter->addItem(tr("All transactions"), QString());
    m_filter->addItem(tr("Spending not claimed"), u"unclaimed"_s);
    m_filter->addItem(tr("Purchases without request"), u"no-request"_s);
    m_filter->addItem(tr("With warnings"), u"warnings"_s);
    m_list->addFilterWidget(m_filter);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &TransactionsView::applyFilter);

    if (entersData(session)) {
        QPushButton *import = m_list->addAction(tr("&Import statement…"));
        import->setObjectName(u"importStatement"_s);
        connect(import, &QPushButton::clicked, this, &TransactionsView::importStatement);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    reloadWarnings();
    connect(&session.engine(), &SyncEngine::cacheChanged, this, [this] {
        reloadWarnings();
        if (m_filter->currentData().toString() == u"warnings"_s)
            applyFilter();
    });
}

void TransactionsView::reloadWarnings()
{
    m_warnings = cardquery::warningsByTransaction(m_session.cache());
    m_refunded = cardquery::refundedTransactions(m_session.cache());
}

void TransactionsView::setFilter(const QString &filter)
{
    m_filter->setCurrentIndex(qMax(0, m_filter->findData(filter)));
    applyFilter();
}

void TransactionsView::applyFilter()
{
    const QString f = m_filter->currentData().toString();
    CacheCondition c;
    if (f == u"unclaimed"_s)
        c = among(field(u"kind"_s), outflowKindNames()) &&
            generated(u"COALESCE("_s + field(u"claimId"_s) + u", '') = ''"_s) &&
            generated(kId + u" NOT IN (SELECT value FROM json_each(?))"_s, {jsonList(m_refunded.values())});
    else if (f == u"no-request"_s)
        c = equals(field(u"kind"_s), txnKindName(TxnKind::Purchase)) &&
            generated(u"COALESCE("_s + field(u"requestId"_s) + u", '') = ''"_s);
    else if (f == u"warnings"_s)
        c = idAmong(m_warnings.keys());
    m_list->model().setCondition(u"cardFilter"_s, c);
}

void TransactionsView::importStatement()
{
    StatementImportDialog dialog(m_session, m_list->chosenPlace(), this);
    dialog.exec();
    if (dialog.importedCount() > 0)
        m_list->reload();
}

} // namespace sunshine::app
