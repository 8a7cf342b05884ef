#include "app/card/MonthSummaryView.h"

#include "app/card/CardRecordViews.h"
#include "app/records/RecordListView.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/sync/SyncEngine.h"
#include "common/card/CardTypes.h"
#include "common/core/ChinaTime.h"
#include "common/io/XlsxWriter.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace card;

MonthSummaryModel::MonthSummaryModel(ClientSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{}

void MonthSummaryModel::setMonth(const QString &month)
{
    m_month = month;
    reload();
}

void MonthSummaryModel::reload()
{
    beginResetModel();
    m_rows = m_month.isEmpty() ? QList<cardquery::MonthRow>()
                               : cardquery::monthSummary(m_session.cache(), m_month);
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [this](const cardquery::MonthRow &a, const cardquery::MonthRow &b) {
                         const QString an = m_session.orgUnitName(a.orgUnitId);
                         const QString bn = m_session.orgUnitName(b.orgUnitId);
                         return an != bn ? an < bn : a.category < b.category;
                     });
    endResetModel();
}

int MonthSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MonthSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 6;
}

QVariant MonthSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const cardquery::MonthRow &r = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() >= 2)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case 0:
        return m_session.orgUnitName(r.orgUnitId);
    case 1:
        return r.category.isEmpty()
                   ? tr("No request")
                   : sync::RecordTypes::get<SpendRequestType>().field(u"category"_s)->choiceLabel(r.category);
    case 2:
        return r.count;
    case 3:
        return money::formatYuan(r.outflow);
    case 4:
        return money::formatYuan(r.refunds);
    case 5:
        return money::formatYuan(r.outflow - r.refunds);
    }
    return {};
}

QVariant MonthSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0:
        return tr("Village");
    case 1:
        return tr("Category");
    case 2:
        return tr("Payments");
    case 3:
        return tr("Spent (yuan)");
    case 4:
        return tr("Refunds (yuan)");
    case 5:
        return tr("Net (yuan)");
    }
    return {};
}

MonthSummaryView::MonthSummaryView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_month = new QComboBox(this);
    m_month->setObjectName(u"summaryMonth"_s);
    const QDate today = chinaDateOf(session.clock().nowMs());
    for (int i = 0; i < 13; ++i) {
        const QDate m = today.addMonths(-i);
        m_month->addItem(m.toString(u"yyyy 年 M 月"_s), m.toString(u"yyyy-MM"_s));
    }
    m_model = new MonthSummaryModel(session, this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"cardMonthSummary"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *exportButton = new QPushButton(tr("E&xport summary…"), this);
    exportButton->setObjectName(u"exportCardSummary"_s);

    RecordListView::Options o;
    o.columns = {{u"cardId"_s, {}}, {u"on"_s, {}},       {u"at"_s, {}},     {u"kind"_s, {}},
                 {u"amount"_s, {}}, {u"merchant"_s, {}}, {u"bankRef"_s, {}}};
    o.placeFilter = false;
    o.canAdd = o.canEdit = false;
    o.exportName = tr("Card transactions");
    m_transactions = new RecordListView(session, sync::RecordTypes::get<CardTransactionType>(), o, this);
    m_transactions->setObjectName(u"summaryTransactions"_s);
    showCardLabels(session, *m_transactions);
    // Nothing until a row is chosen.
    m_transactions->model().setCondition(u"summaryRow"_s, cachequery::idAmong({}));

    auto *head = new QHBoxLayout;
    head->addWidget(new QLabel(tr("Month:"), this));
    head->addWidget(m_month);
    head->addStretch(1);
    head->addWidget(exportButton);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(head);
    topLayout->addWidget(m_table);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_transactions);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    connect(m_month, &QComboBox::currentIndexChanged, this,
            [this] { setMonth(m_month->currentData().toString()); });
    connect(m_table, &QTableView::clicked, this,
            [this](const QModelIndex &index) { drillDown(index.row()); });
    connect(exportButton, &QPushButton::clicked, this, &MonthSummaryView::exportSummary);
    connect(&session.engine(), &SyncEngine::cacheChanged, m_model, &MonthSummaryModel::reload);
    setMonth(m_month->currentData().toString());
}

void MonthSummaryView::setMonth(const QString &month)
{
    if (m_month->currentData().toString() != month)
        m_month->setCurrentIndex(qMax(0, m_month->findData(month)));
    m_model->setMonth(month);
    m_transactions->model().setCondition(u"summaryRow"_s, cachequery::idAmong({}));
}

void MonthSummaryView::drillDown(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const cardquery::MonthRow &r = m_model->rowAt(row);
    m_transactions->model().setCondition(
        u"summaryRow"_s, cardquery::monthRowCondition(m_model->month(), r.orgUnitId, r.category));
}

void MonthSummaryView::exportSummary()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::getSaveFileName(
        this, tr("Export summary"), QDir(dir).filePath(tr("Card spending %1.xlsx").arg(m_model->month())),
        tr("Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    io::XlsxSheet sheet;
    sheet.name = m_model->month();
    for (int c = 0; c < m_model->columnCount(); ++c)
        sheet.header.append(m_model->headerData(c, Qt::Horizontal).toString());
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_model->columnCount(); ++c)
            cells.append(m_model->data(m_model->index(r, c)).toString());
        sheet.rows.append(cells);
    }
    QString error;
    if (!io::writeXlsx(path, {sheet}, &error))
        MessageBox::warning(this, tr("Export summary"), error);
    else
        MessageBox::information(this, tr("Export summary"),
                                tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
