#include "app/collective/CollectiveDashboardPanel.h"

#include "app/collective/CollectiveOverviewView.h"
#include "common/core/Money.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

CollectiveDashboardPanel::CollectiveDashboardPanel(ClientSession &session, QWidget *parent)
    : HomePanel(parent)
{
    setObjectName(u"collectiveDashboardPanel"_s);
    m_model = new CollectiveOverviewModel(session, this);
    m_summary = new QLabel(this);
    m_summary->setStyleSheet(u"font-size: 11pt;"_s);
    m_summary->setWordWrap(true);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(120);
    m_table->setColumnWidth(CollectiveOverviewModel::UnitColumn, 200);
    // The board shows the money and what needs doing; the counts and the contracts are the tab's overview.
    for (const int column : {CollectiveOverviewModel::AssetsColumn, CollectiveOverviewModel::ContractsColumn,
                             CollectiveOverviewModel::ContractValueColumn})
        m_table->setColumnHidden(column, true);
    m_table->setToolTip(tr("Click a place to look into it."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CollectiveDashboardPanel::updateSummary);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.row() < m_model->unitRows() && index.column() == CollectiveOverviewModel::UnitColumn &&
            m_model->rowAt(index.row()).orgUnitId != m_model->orgUnitId())
            Q_EMIT drillRequested(m_model->rowAt(index.row()).orgUnitId);
    });
}

void CollectiveDashboardPanel::showScope(const QString &orgUnitId, int year, int quarter)
{
    // The books' figures are a year's (a quarter on the dashboard shows its year).
    Q_UNUSED(quarter)
    m_model->show(orgUnitId, year);
}

QString CollectiveDashboardPanel::summary() const
{
    return m_summary->text();
}

void CollectiveDashboardPanel::updateSummary()
{
    const collectivequery::VillageFigures &t = m_model->total().figures;
    m_summary->setText(tr("%1: income %2 yuan, spending %3 yuan; cash %4 yuan and bank deposits %5 yuan; "
                          "net assets %6 yuan; rent in arrears %7 yuan; %8 warnings of the books open.")
                           .arg(QString::number(m_model->year()), money::formatYuan(t.income),
                                money::formatYuan(t.spending), money::formatYuan(t.cash),
                                money::formatYuan(t.bank), money::formatYuan(t.netAssets),
                                money::formatYuan(t.arrears), QString::number(t.openWarnings)));
    // Tall enough for its rows (up to twelve).
    const int rows = qMin(m_model->rowCount(), 12);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            rows * m_table->verticalHeader()->defaultSectionSize() +
                            2 * m_table->frameWidth() + 2);
}

} // namespace sunshine::app
