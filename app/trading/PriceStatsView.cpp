#include "app/trading/PriceStatsView.h"

#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/io/XlsxWriter.h"
#include "common/trading/TradingTypes.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using tradingquery::PriceStat;

bool PriceStatsModel::isPrice(int column)
{
    return column >= MedianColumn && column < ColumnCount;
}

PriceStatsModel::PriceStatsModel(ClientSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    reload();
}

void PriceStatsModel::reload()
{
    beginResetModel();
    m_rows = tradingquery::priceStats(m_session.cache(), m_session.orgUnits());
    endResetModel();
}

int PriceStatsModel::rowOf(const QString &townId, const QString &rightKind) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).townId == townId && m_rows.at(i).rightKind == rightKind)
            return int(i);
    }
    return -1;
}

int PriceStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PriceStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant PriceStatsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const PriceStat &s = m_rows.at(index.row());
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return column >= DealsColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    if (role != Qt::DisplayRole && role != ValueRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    Fen price = 0;
    switch (column) {
    case TownColumn:
        return display ? m_session.orgUnitName(s.townId) : s.townId;
    case KindColumn:
        if (!display)
            return s.rightKind;
        if (const auto spec = sync::RecordTypes::get<trading::ListingType>().field(u"rightKind"_s))
            return spec->choiceLabel(s.rightKind);
        return s.rightKind;
    case DealsColumn:
        return s.deals;
    case PricedColumn:
        return s.priced;
    case MedianColumn:
        price = s.median;
        break;
    case MinimumColumn:
        price = s.minimum;
        break;
    case MaximumColumn:
        price = s.maximum;
        break;
    case LowerQuartileColumn:
        price = s.lowerQuartile;
        break;
    case UpperQuartileColumn:
        price = s.upperQuartile;
        break;
    default:
        return {};
    }
    // No deal with an area: no price per mu.
    if (s.priced == 0)
        return display ? QVariant(QString()) : QVariant();
    return display ? QVariant(money::formatYuan(price)) : QVariant(price);
}

QVariant PriceStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TownColumn:
        return tr("Town");
    case KindColumn:
        return tr("Kind of right");
    case DealsColumn:
        return tr("Deals");
    case PricedColumn:
        return tr("With area");
    case MedianColumn:
        return tr("Median (yuan/mu/year)");
    case MinimumColumn:
        return tr("Lowest");
    case MaximumColumn:
        return tr("Highest");
    case LowerQuartileColumn:
        return tr("Lower quartile");
    case UpperQuartileColumn:
        return tr("Upper quartile");
    default:
        return {};
    }
}

PriceStatsView::PriceStatsView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
{
    m_model = new PriceStatsModel(session, this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"tradePriceStats"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(120);
    auto *exportButton = new QPushButton(tr("E&xport…"), this);
    exportButton->setObjectName(u"exportPriceStats"_s);
    auto *head = new QHBoxLayout;
    head->addStretch(1);
    head->addWidget(exportButton);
    auto *hint = new QLabel(
        tr("The listings dealt (from the deal on), by town and kind of right. The price per mu and year is "
           "the deal price per year over the area; deals without an area are counted but not priced. The "
           "spread: the lowest and highest price, and the quartiles between which the middle half of the "
           "prices lie."),
        this);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(head);
    layout->addWidget(m_table, 1);
    layout->addWidget(hint);
    connect(exportButton, &QPushButton::clicked, this, &PriceStatsView::exportTable);
    connect(&session.engine(), &SyncEngine::cacheChanged, m_model, &PriceStatsModel::reload);
    connect(&session, &ClientSession::orgUnitsChanged, m_model, &PriceStatsModel::reload);
}

bool PriceStatsView::exportTo(const QString &path, QString *error) const
{
    io::XlsxWriter writer(path);
    QStringList header;
    for (int c = 0; c < m_model->columnCount(); ++c)
        header.append(m_model->headerData(c, Qt::Horizontal).toString());
    bool ok = writer.beginSheet(tr("Deal prices"), header);
    for (int r = 0; ok && r < m_model->rowCount(); ++r) {
        QVariantList cells;
        for (int c = 0; c < m_model->columnCount(); ++c) {
            const QModelIndex index = m_model->index(r, c);
            if (c == PriceStatsModel::TownColumn || c == PriceStatsModel::KindColumn)
                cells.append(index.data(Qt::DisplayRole));
            else if (PriceStatsModel::isPrice(c) && index.data(PriceStatsModel::ValueRole).isValid())
                cells.append(double(index.data(PriceStatsModel::ValueRole).toLongLong()) / 100.0);
            else
                cells.append(index.data(PriceStatsModel::ValueRole));
        }
        ok = writer.writeValues(cells);
    }
    if (!ok || !writer.finish()) {
        if (error)
            *error = writer.errorString();
        return false;
    }
    return true;
}

void PriceStatsView::exportTable()
{
    const QString title = tr("Export to Excel");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::getSaveFileName(
        this, title, QDir(dir).filePath(tr("Deal prices") + u".xlsx"_s), tr("Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error)) {
        MessageBox::warning(this, title, error);
        return;
    }
    MessageBox::information(this, title, tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
