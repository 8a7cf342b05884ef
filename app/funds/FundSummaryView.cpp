#include "app/funds/FundSummaryView.h"

#include "app/funds/FundQueries.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundTypes.h"
#include "common/io/XlsxWriter.h"

#include <QComboBox>
#include <QDir>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

const QString kAll = u"*"_s;

// The level of the summary's columns for a user at `level`.
OrgLevel columnLevel(OrgLevel level)
{
    switch (level) {
    case OrgLevel::City:
        return OrgLevel::County;
    case OrgLevel::County:
        return OrgLevel::Town;
    case OrgLevel::Town:
    case OrgLevel::Village:
        return OrgLevel::Village;
    }
    return OrgLevel::County;
}

} // namespace

FundSummaryModel::FundSummaryModel(ClientSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_year(chinaDateOf(session.clock().nowMs()).year())
{}

void FundSummaryModel::setYear(int year)
{
    m_year = year;
}

void FundSummaryModel::setMeasure(Measure measure)
{
    m_measure = measure;
}

void FundSummaryModel::setUnit(Unit unit)
{
    if (unit == m_unit)
        return;
    m_unit = unit;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString FundSummaryModel::areaOf(const QString &orgUnitId) const
{
    const OrgLevel level = columnLevel(m_session.user().orgLevel);
    const std::optional<OrgUnit> unit = m_session.orgUnit(orgUnitId);
    if (!unit || int(unit->level) < int(level))
        return {}; // the user's own level (or a unit not known here)
    // "/city/county/town/village/": the ancestor at the columns' level.
    const QStringList ids = unit->path.split(u'/', Qt::SkipEmptyParts);
    const int at = int(level) - 1;
    return at < ids.size() ? ids.at(at) : QString();
}

void FundSummaryModel::refresh()
{
    beginResetModel();
    m_lines.clear();
    m_areas.clear();
    m_areaNames.clear();
    m_cells.clear();
    m_error.clear();

    // One pass over the year's records of the type, grouped by place and fund line.
    const bool disbursed = m_measure == Measure::Disbursed;
    QSet<QString> codes;
    bool ownLevel = false;
    m_error = fundquery::sumsPerUnitAndLine(
        m_session.cache(),
        QString::fromUtf16(disbursed ? funds::DisbursementType::kName : funds::AllocationType::kName),
        disbursed ? fundquery::paidIn(m_year) : fundquery::budgetYear(m_year),
        [&](const QString &unit, const QString &code, qint64 fen, qint64 count) {
            const QString area = areaOf(unit);
            Cell &cell = m_cells[code][area];
            cell.fen += fen;
            cell.count += int(count);
            codes.insert(code);
            ownLevel = ownLevel || area.isEmpty();
        });

    // Rows: the lines with money, in catalog order, then codes the catalog does not know.
    const QList<funds::FundLine> lines = funds::allFundLines();
    for (const funds::FundLine &l : lines) {
        if (codes.remove(l.code))
            m_lines.append(l.code);
    }
    QStringList unknown(codes.begin(), codes.end());
    unknown.sort();
    m_lines.append(unknown);

    // Columns: every area of the user's scope at the columns' level, then the own level when it holds money.
    const QList<OrgUnit> units = m_session.orgUnitsAt(columnLevel(m_session.user().orgLevel));
    for (const OrgUnit &u : units) {
        m_areas.append(u.id);
        m_areaNames.insert(u.id, u.name);
    }
    for (auto line = m_cells.constBegin(); line != m_cells.constEnd(); ++line) {
        for (auto area = line->constBegin(); area != line->constEnd(); ++area) {
            if (!area.key().isEmpty() && !m_areas.contains(area.key())) {
                m_areas.append(area.key()); // a place the org list does not hold (yet)
                m_areaNames.insert(area.key(), m_session.orgUnitName(area.key()));
            }
        }
    }
    if (ownLevel)
        m_areas.append(QString());
    endResetModel();
}

Fen FundSummaryModel::fen(const QString &lineCode, const QString &areaId) const
{
    Fen sum = 0;
    for (auto line = m_cells.constBegin(); line != m_cells.constEnd(); ++line) {
        if (!lineCode.isEmpty() && line.key() != lineCode)
            continue;
        for (auto area = line->constBegin(); area != line->constEnd(); ++area) {
            if (areaId == kAll || area.key() == areaId)
                sum += area->fen;
        }
    }
    return sum;
}

FundSummaryModel::Cell FundSummaryModel::cellAt(int row, int column) const
{
    const bool totalRow = row == int(m_lines.size());
    const bool totalColumn = column == int(m_areas.size()) + 1;
    Cell out;
    for (auto line = m_cells.constBegin(); line != m_cells.constEnd(); ++line) {
        if (!totalRow && line.key() != m_lines.at(row))
            continue;
        for (auto area = line->constBegin(); area != line->constEnd(); ++area) {
            if (totalColumn || area.key() == m_areas.at(column - 1)) {
                out.fen += area->fen;
                out.count += area->count;
            }
        }
    }
    return out;
}

QString FundSummaryModel::formatted(Fen fen) const
{
    if (m_unit == Unit::Yuan)
        return money::formatYuan(fen);
    // 万元 with two decimals: hundredths of 10,000 yuan, rounded half away from zero.
    const Fen hundredths = fen >= 0 ? (fen + 5000) / 10000 : -((-fen + 5000) / 10000);
    return money::formatYuan(hundredths);
}

int FundSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_lines.isEmpty() ? 0 : int(m_lines.size()) + 1;
}

int FundSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_areas.size()) + 2;
}

QVariant FundSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row(), column = index.column();
    const bool totalRow = row == int(m_lines.size());
    const bool totalColumn = column == columnCount() - 1;
    if (role == Qt::FontRole && (totalRow || totalColumn)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (column == 0) {
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        if (totalRow)
            return tr("Total");
        const QString code = m_lines.at(row);
        const std::optional<funds::FundLine> line = funds::findFundLine(code);
        if (role == Qt::ToolTipRole)
            return line ? tr("%1 (%2, code %3)").arg(line->name, line->article, code) : code;
        return line ? line->name : code;
    }
    const Cell cell = cellAt(row, column);
    switch (role) {
    case Qt::DisplayRole:
        return cell.count == 0 ? QString() : formatted(cell.fen);
    case FenRole:
        return qint64(cell.fen);
    case CountRole:
        return cell.count;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return cell.count == 0
                   ? QVariant()
                   : QVariant(
                         tr("%n record(s), %1 yuan", nullptr, cell.count).arg(money::formatYuan(cell.fen)));
    default:
        return {};
    }
}

QVariant FundSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole && section > 0)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return tr("Fund line");
    if (section == columnCount() - 1)
        return tr("Total");
    const QString id = m_areas.at(section - 1);
    if (id.isEmpty())
        return tr("%1 (own level)").arg(m_session.user().orgUnitName);
    return m_areaNames.value(id, id);
}

// --- the view ---

FundSummaryView::FundSummaryView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_model = new FundSummaryModel(session, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *toolbar = new QHBoxLayout;
    auto *yearLabel = new QLabel(tr("&Year:"), this);
    m_year = new QComboBox(this);
    yearLabel->setBuddy(m_year);
    const int thisYear = chinaDateOf(session.clock().nowMs()).year();
    for (int y = thisYear; y >= 2014; --y)
        m_year->addItem(QString::number(y), y);
    m_measure = new QComboBox(this);
    m_measure->addItem(tr("Disbursed (by payment date)"), int(FundSummaryModel::Measure::Disbursed));
    m_measure->addItem(tr("Allocated (by fund year)"), int(FundSummaryModel::Measure::Allocated));
    m_unit = new QComboBox(this);
    m_unit->addItem(tr("Yuan"), int(FundSummaryModel::Unit::Yuan));
    m_unit->addItem(tr("10,000 yuan"), int(FundSummaryModel::Unit::TenThousandYuan));
    m_note = new QLabel(this);
    m_note->setStyleSheet(u"color: #555555;"_s);
    auto *exportButton = new QPushButton(tr("E&xport…"), this);
    toolbar->addWidget(yearLabel);
    toolbar->addWidget(m_year);
    toolbar->addWidget(m_measure);
    toolbar->addWidget(m_unit);
    toolbar->addWidget(m_note, 1);
    toolbar->addWidget(exportButton);
    layout->addLayout(toolbar);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    layout->addWidget(m_view);

    connect(m_year, &QComboBox::currentIndexChanged, this, &FundSummaryView::refresh);
    connect(m_measure, &QComboBox::currentIndexChanged, this, &FundSummaryView::refresh);
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setUnit(FundSummaryModel::Unit(m_unit->currentData().toInt()));
        fitColumns();
    });
    connect(exportButton, &QPushButton::clicked, this, &FundSummaryView::exportTable);
    // Records pulled or answered by the server: summed again when next shown, at most a few times a second.
    auto *changed = new QTimer(this);
    changed->setSingleShot(true);
    changed->setInterval(500);
    connect(&session.engine(), &SyncEngine::cacheChanged, changed, qOverload<>(&QTimer::start));
    connect(&session, &ClientSession::orgUnitsChanged, changed, qOverload<>(&QTimer::start));
    connect(changed, &QTimer::timeout, this, [this] {
        m_stale = true;
        if (isVisible())
            refresh();
    });
    refresh();
}

void FundSummaryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void FundSummaryView::refresh()
{
    m_stale = false;
    m_model->setMeasure(FundSummaryModel::Measure(m_measure->currentData().toInt()));
    m_model->setYear(m_year->currentData().toInt());
    m_model->refresh();
    const int records = m_model->rowCount() > 0 ? m_model->index(m_model->totalRow(), m_model->totalColumn())
                                                      .data(FundSummaryModel::CountRole)
                                                      .toInt()
                                                : 0;
    m_note->setText(m_model->lastError().isEmpty()
                        ? tr("%n record(s) in %1", nullptr, records).arg(m_model->year())
                        : tr("The summary could not be read: %1").arg(m_model->lastError()));
    fitColumns();
}

void FundSummaryView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

void FundSummaryView::fitColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int columns = m_model->columnCount();
    header->setSectionResizeMode(QHeaderView::Interactive);
    m_view->resizeColumnsToContents();
    if (columns > 0)
        m_view->setColumnWidth(0, qBound(160, m_view->columnWidth(0) + 12, 360));
    int widest = 0;
    for (int c = 1; c < columns; ++c) {
        m_view->setColumnWidth(c, qMax(90, m_view->columnWidth(c) + 12));
        widest = qMax(widest, m_view->columnWidth(c));
    }
    // The area columns share the width left when each still shows its figures whole.
    const int room = m_view->viewport()->width() - m_view->columnWidth(0);
    if (columns > 1 && room / (columns - 1) >= widest) {
        for (int c = 1; c < columns; ++c)
            header->setSectionResizeMode(c, QHeaderView::Stretch);
    }
}

bool FundSummaryView::exportTo(const QString &path, QString *error) const
{
    io::XlsxWriter writer(path);
    const QString unit = m_unit->currentText();
    QStringList header;
    for (int c = 0; c < m_model->columnCount(); ++c)
        header.append(m_model->headerData(c, Qt::Horizontal).toString());
    if (!header.isEmpty())
        header[0] = tr("%1 (%2, %3)").arg(header.at(0), m_measure->currentText(), unit);
    bool ok = writer.beginSheet(tr("Summary %1").arg(m_model->year()), header);
    for (int r = 0; ok && r < m_model->rowCount(); ++r) {
        QVariantList cells;
        cells.append(m_model->index(r, 0).data().toString());
        for (int c = 1; c < m_model->columnCount(); ++c) {
            const QModelIndex i = m_model->index(r, c);
            if (i.data(FundSummaryModel::CountRole).toInt() == 0) {
                cells.append(QVariant());
                continue;
            }
            const Fen fen = i.data(FundSummaryModel::FenRole).toLongLong();
            // Numbers Excel can add up, in the unit shown (rounded as shown).
            cells.append(m_model->unit() == FundSummaryModel::Unit::Yuan
                             ? double(fen) / 100.0
                             : double(fen >= 0 ? (fen + 5000) / 10000 : -((-fen + 5000) / 10000)) / 100.0);
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

void FundSummaryView::exportTable()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stem = tr("Fund summary %1").arg(m_model->year());
    const QString path = FileDialog::getSaveFileName(
        this, tr("Export to Excel"), QDir(dir).filePath(stem + u".xlsx"_s), tr("Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error)) {
        MessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    MessageBox::information(this, tr("Exported"),
                            tr("The summary was written to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
