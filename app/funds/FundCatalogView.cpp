#include "app/funds/FundCatalogView.h"

#include "app/funds/FundLineCache.h"

#include "app/funds/FundLineDialog.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/io/XlsxWriter.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

QString departmentNameOfCode(const ClientSession &session, const QString &code)
{
    const QList<Department> departments = session.departments();
    QString full;
    for (const Department &d : departments) {
        if (d.code != code)
            continue;
        // "通州区农业农村局" -> "农业农村局"; a name not built from its place is kept whole.
        if (!d.orgUnitName.isEmpty() && d.name.startsWith(d.orgUnitName) &&
            d.name.size() > d.orgUnitName.size())
            return d.name.mid(d.orgUnitName.size());
        if (full.isEmpty())
            full = d.name;
    }
    return full.isEmpty() ? code : full;
}

FundCatalogModel::FundCatalogModel(std::function<QString(const QString &)> departmentName, QObject *parent)
    : QAbstractTableModel(parent)
    , m_departmentName(std::move(departmentName))
    , m_lines(funds::allFundLines())
{}

void FundCatalogModel::reload()
{
    beginResetModel();
    m_lines = funds::allFundLines();
    endResetModel();
}

funds::FundLine FundCatalogModel::lineAt(int row) const
{
    return row >= 0 && row < m_lines.size() ? m_lines.at(row) : funds::FundLine();
}

int FundCatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int FundCatalogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FundCatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const funds::FundLine &line = m_lines.at(index.row());
    if (role == CodeRole)
        return line.code;
    if (role == Qt::ToolTipRole) {
        const QString note = line.note.isEmpty() ? QString() : u"\n"_s + line.note;
        return QString(tr("%1 (code %2)").arg(line.name, line.code) + note);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Article:
        return line.article;
    case Name:
        return line.name;
    case LeadDepartment:
        return m_departmentName ? m_departmentName(line.leadDepartment) : line.leadDepartment;
    case Kind:
        return funds::fundKindChineseName(line.kind);
    case Cycle:
        return funds::paymentCycleChineseName(line.cycle);
    case Recipient:
        return funds::recipientChineseName(line.recipient);
    default:
        return {};
    }
}

QVariant FundCatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Article:
        return tr("Article");
    case Name:
        return tr("Fund line");
    case LeadDepartment:
        return tr("Lead department");
    case Kind:
        return tr("Kind");
    case Cycle:
        return tr("Paid");
    case Recipient:
        return tr("Paid to");
    default:
        return QAbstractTableModel::headerData(section, orientation, role);
    }
}

FundCatalogView::FundCatalogView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_model = new FundCatalogModel(
        [&session](const QString &code) { return departmentNameOfCode(session, code); }, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_toolbar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    m_toolbar->addWidget(m_search);
    m_count = new QLabel(this);
    m_toolbar->addWidget(m_count);
    m_toolbar->addStretch();
    m_export = new QPushButton(tr("E&xport…"), this);
    m_toolbar->addWidget(m_export);
    layout->addLayout(m_toolbar);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the catalog's own order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    layout->addWidget(m_view);

    connect(m_search, &QLineEdit::textChanged, this, &FundCatalogView::setSearch);
    connect(m_export, &QPushButton::clicked, this, &FundCatalogView::exportTable);
    connect(&session, &ClientSession::departmentsChanged, this, &FundCatalogView::reload);
    connect(FundLineCache::of(session), &FundLineCache::changed, this, &FundCatalogView::reload);
    if (FundLineDialog::mayAdd(session)) { // city administrators extend the catalog
        connect(addAction(FundLineDialog::actionText()), &QPushButton::clicked, this,
                [this] { FundLineDialog::addInteractively(m_session, this); });
    }
    reload();
}

QPushButton *FundCatalogView::addAction(const QString &text)
{
    auto *button = new QPushButton(text, this);
    m_toolbar->insertWidget(m_toolbar->indexOf(m_export), button);
    return button;
}

void FundCatalogView::setSearch(const QString &text)
{
    m_proxy->setFilterFixedString(text.trimmed());
    updateCount();
}

void FundCatalogView::reload()
{
    m_model->reload();
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_proxy->columnCount(); ++c)
        m_view->setColumnWidth(c, qBound(60, m_view->columnWidth(c) + 16, 340));
    // The names take the room left.
    m_view->horizontalHeader()->setSectionResizeMode(FundCatalogModel::Name, QHeaderView::Stretch);
    updateCount();
}

void FundCatalogView::updateCount()
{
    m_count->setText(tr("%n fund line(s)", nullptr, m_proxy->rowCount()));
}

void FundCatalogView::exportTable()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stem = tr("Fund catalog");
    const QString path = FileDialog::getSaveFileName(
        this, tr("Export to Excel"), QDir(dir).filePath(stem + u".xlsx"_s), tr("Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    io::XlsxWriter writer(path);
    QStringList header;
    for (int c = 0; c < m_proxy->columnCount(); ++c)
        header.append(m_proxy->headerData(c, Qt::Horizontal).toString());
    bool ok = writer.beginSheet(stem.left(31), header);
    for (int r = 0; ok && r < m_proxy->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            cells.append(m_proxy->index(r, c).data().toString());
        ok = writer.writeRow(cells);
    }
    if (!ok || !writer.finish()) {
        MessageBox::warning(this, tr("Export failed"), writer.errorString());
        return;
    }
    MessageBox::information(
        this, tr("Exported"),
        tr("%n row(s) written to %1.", nullptr, m_proxy->rowCount()).arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
