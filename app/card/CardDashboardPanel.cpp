#include "app/card/CardDashboardPanel.h"

#include "app/card/CardOverviewView.h"
#include "common/core/Money.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

CardDashboardPanel::CardDashboardPanel(ClientSession &session, QWidget *parent)
    : HomePanel(parent)
{
    setObjectName(u"cardDashboardPanel"_s);
    m_model = new CardOverviewModel(session, this);
    m_summary = new QLabel(this);
    m_summary->setStyleSheet(u"font-size: 11pt;"_s);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(130);
    m_table->setColumnWidth(0, 200);
    m_table->setToolTip(tr("Click a place to look into it."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CardDashboardPanel::update);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.row() < m_model->rowCount() - 1 && index.column() == 0 &&
            m_model->rowAt(index.row()).orgUnitId != m_model->orgUnitId())
            Q_EMIT drillRequested(m_model->rowAt(index.row()).orgUnitId);
    });
}

void CardDashboardPanel::showScope(const QString &orgUnitId, int year, int quarter)
{
    // The card's figures are a year's (a quarter on the dashboard shows its year).
    Q_UNUSED(quarter)
    m_model->show(orgUnitId, year);
}

QString CardDashboardPanel::summary() const
{
    return m_summary->text();
}

void CardDashboardPanel::update()
{
    const cardquery::VillageFigures &t = m_model->total().figures;
    m_summary->setText(
        tr("%1: spent %2 yuan by card, %3 of %4 payments not claimed yet, %5 card warnings open.")
            .arg(m_model->year())
            .arg(money::formatYuan(t.spent))
            .arg(t.unclaimed)
            .arg(t.lines)
            .arg(t.openWarnings));
    // Tall enough for its rows (up to twelve).
    const int rows = qMin(m_model->rowCount(), 12);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            rows * m_table->verticalHeader()->defaultSectionSize() +
                            2 * m_table->frameWidth() + 2);
}

} // namespace sunshine::app
