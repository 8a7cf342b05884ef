#include "app/records/RecordListView.h"

#include "app/records/RecordDialog.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/io/XlsxWriter.h"
#include "common/sync/Masking.h"

#include <QAbstractProxyModel>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

bool needsPersonalData(const ClientSession &session)
{
    return sync::needsPersonalData(session.user().roles);
}

bool entersData(const ClientSession &session)
{
    return needsPersonalData(session);
}

RecordListView::RecordListView(ClientSession &session, const sync::RecordType &type, Options options,
                               QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_type(type)
    , m_options(std::move(options))
{
    m_model = new RecordTableModel(session.cache(), type, m_options.columns, m_options.equals, this);
    m_model->setSearchFields(m_options.searchFields);
    m_model->setShowPersonal(needsPersonalData(session));
    m_model->setOrgUnitResolver([&session](const QString &id) { return session.orgUnitName(id); });
    m_model->setReferenceResolver(u"@department"_s,
                                  [&session](const QString &id) { return session.departmentName(id); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_toolbar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    m_toolbar->addWidget(m_search);
    if (m_options.placeFilter) {
        m_place = new QComboBox(this);
        m_place->setMinimumContentsLength(14);
        m_place->addItem(tr("All places"), QString());
        const QList<OrgUnit> units = session.orgUnitsAt(m_options.placeLevel);
        for (const OrgUnit &u : units)
            m_place->addItem(u.name, u.id);
        m_toolbar->addWidget(m_place);
        connect(m_place, &QComboBox::currentIndexChanged, this, [this] {
            const QString id = chosenPlace();
            m_model->setOrgUnits(id.isEmpty() ? QStringList() : QStringList{id});
            updateCount();
        });
    }
    m_count = new QLabel(this);
    m_toolbar->addWidget(m_count);
    m_toolbar->addStretch();
    // Clerks and reviewers enter records; supervisors too where the type is the supervision's own.
    const bool writes =
        entersData(session) || (type.supervisorsWrite() && session.user().roles.contains(Role::Supervisor));
    if (writes) {
        m_add = new QPushButton(tr("&New…"), this);
        m_add->setVisible(m_options.canAdd);
        m_toolbar->addWidget(m_add);
        connect(m_add, &QPushButton::clicked, this, &RecordListView::addRecord);
        m_edit = new QPushButton(tr("&Edit…"), this);
        m_edit->setVisible(m_options.canEdit);
        m_toolbar->addWidget(m_edit);
        connect(m_edit, &QPushButton::clicked, this, &RecordListView::editCurrent);
    }
    auto *exportButton = new QPushButton(tr("E&xport…"), this);
    m_toolbar->addWidget(exportButton);
    connect(exportButton, &QPushButton::clicked, this, &RecordListView::exportTable);
    layout->addLayout(m_toolbar);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultSectionSize(110);
    layout->addWidget(m_view);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] {
        m_model->setSearch(m_search->text().trimmed());
        updateCount();
    });
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (m_edit && m_options.canEdit)
            editCurrent();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT currentRecordChanged(currentRecordId()); });
    connect(m_model, &RecordTableModel::totalCountChanged, this, &RecordListView::updateCount);
    // Records pulled or answered by the server: read again, at most a few times a second.
    auto *changed = new QTimer(this);
    changed->setSingleShot(true);
    changed->setInterval(300);
    connect(&session.engine(), &SyncEngine::cacheChanged, changed, qOverload<>(&QTimer::start));
    connect(changed, &QTimer::timeout, this, &RecordListView::reload);
    connect(&session, &ClientSession::orgUnitsChanged, this, [this] {
        if (!m_place)
            return;
        const QString chosen = chosenPlace();
        m_place->blockSignals(true);
        m_place->clear();
        m_place->addItem(tr("All places"), QString());
        const QList<OrgUnit> units = m_session.orgUnitsAt(m_options.placeLevel);
        for (const OrgUnit &u : units)
            m_place->addItem(u.name, u.id);
        m_place->setCurrentIndex(qMax(0, m_place->findData(chosen)));
        m_place->blockSignals(false);
        m_model->reload();
    });
    updateCount();
}

void RecordListView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_sized || m_model->rowCount() == 0)
        return;
    // Once shown with rows: columns as wide as what the first rows show, within reason.
    m_sized = true;
    QTimer::singleShot(0, this, [this] {
        m_view->resizeColumnsToContents();
        for (int c = 0; c + 1 < m_view->model()->columnCount(); ++c)
            m_view->setColumnWidth(c, qBound(70, m_view->columnWidth(c) + 8, 280));
    });
}

RecordListView::~RecordListView() = default;

QString RecordListView::currentRecordId() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return {};
    return current.data(RecordTableModel::RecordIdRole).toString();
}

QPushButton *RecordListView::addAction(const QString &text)
{
    auto *button = new QPushButton(text, this);
    m_toolbar->insertWidget(m_toolbar->count() - 1, button);
    return button;
}

void RecordListView::addFilterWidget(QWidget *widget)
{
    widget->setParent(this);
    m_toolbar->insertWidget(m_toolbar->indexOf(m_count), widget);
}

void RecordListView::setDepartment(sync::Placement &placement, const QString &departmentId) const
{
    placement.departmentId = departmentId;
    const QList<Department> departments = m_session.departments();
    for (const Department &d : departments) {
        if (d.id == departmentId) {
            placement.departmentCode = d.code;
            placement.departmentOrgUnitId = d.orgUnitId;
        }
    }
}

void RecordListView::setCanAdd(bool can)
{
    m_options.canAdd = can;
    if (m_add)
        m_add->setVisible(can);
}

void RecordListView::setCanEdit(bool can)
{
    m_options.canEdit = can;
    if (m_edit)
        m_edit->setVisible(can);
}

void RecordListView::setFixedValue(const QString &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        m_fixed.remove(field);
    else
        m_fixed.insert(field, value);
}

void RecordListView::setDialogHook(std::function<void(RecordDialog &, const sync::Placement &)> hook)
{
    m_hook = std::move(hook);
}

void RecordListView::setProxy(QAbstractProxyModel *proxy)
{
    m_proxy = proxy;
    proxy->setSourceModel(m_model);
    m_view->setModel(proxy);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT currentRecordChanged(currentRecordId()); });
}

QString RecordListView::chosenPlace() const
{
    return m_place ? m_place->currentData().toString() : QString();
}

void RecordListView::reload()
{
    m_model->reload();
    updateCount();
}

void RecordListView::updateCount()
{
    m_count->setText(tr("%n record(s)", nullptr, int(qMin<qint64>(m_model->totalCount(), INT_MAX))));
}

std::optional<sync::Placement> RecordListView::placementForNew()
{
    QString unitId = chosenPlace();
    if (unitId.isEmpty())
        unitId = m_defaultPlace;
    if (unitId.isEmpty()) {
        const QList<OrgUnit> units = m_session.orgUnitsAt(m_options.placeLevel);
        if (units.isEmpty()) {
            MessageBox::information(
                this, tr("No place"),
                tr("The places of your area are not known yet. Connect once so the program "
                   "can fetch them."));
            return std::nullopt;
        }
        QStringList names;
        for (const OrgUnit &u : units)
            names.append(u.name);
        bool ok = false;
        const QString name =
            QInputDialog::getItem(this, tr("Where"), tr("Place of the new record:"), names, 0, false, &ok);
        if (!ok)
            return std::nullopt;
        unitId = units.at(names.indexOf(name)).id;
    }
    const std::optional<OrgUnit> unit = m_session.orgUnit(unitId);
    sync::Placement p;
    p.orgUnitId = unitId;
    p.orgPath = unit ? unit->path : QString();
    p.orgLevel = unit ? unit->level : m_options.placeLevel;
    if (!m_defaultDepartment.isEmpty())
        setDepartment(p, m_defaultDepartment);
    return p;
}

void RecordListView::addRecord()
{
    const std::optional<sync::Placement> place = placementForNew();
    if (!place)
        return;
    RecordDialog dialog(m_session, m_type, *place, {}, this);
    for (auto it = m_fixed.constBegin(); it != m_fixed.constEnd(); ++it)
        dialog.form()->setFixedValue(it.key(), it.value());
    if (m_hook)
        m_hook(dialog, *place);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        Q_EMIT saved();
    }
}

void RecordListView::editCurrent()
{
    const QString id = currentRecordId();
    if (id.isEmpty())
        return;
    const std::optional<CachedRecord> rec = m_session.cache().record(id);
    if (!rec)
        return;
    const std::optional<OrgUnit> unit = m_session.orgUnit(rec->record.orgUnitId);
    sync::Placement p;
    p.orgUnitId = rec->record.orgUnitId;
    p.orgPath = unit ? unit->path : QString();
    p.orgLevel = unit ? unit->level : m_options.placeLevel;
    setDepartment(p, rec->record.departmentId);
    RecordDialog dialog(m_session, m_type, p, id, this);
    if (m_hook)
        m_hook(dialog, p);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        Q_EMIT saved();
    }
}

void RecordListView::exportTable()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stem = m_options.exportName.isEmpty() ? m_type.chineseName() : m_options.exportName;
    const QString path = FileDialog::getSaveFileName(
        this, tr("Export to Excel"), QDir(dir).filePath(stem + u".xlsx"_s), tr("Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    QProgressDialog progress(tr("Exporting…"), tr("Cancel"), 0,
                             int(qMin<qint64>(m_model->totalCount(), INT_MAX)), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    while (m_model->canFetchMore({})) {
        m_model->fetchMore({});
        progress.setValue(m_model->rowCount());
        if (progress.wasCanceled())
            return;
    }
    io::XlsxWriter writer(path);
    // The table as shown, with the columns a proxy adds (e.g. deadlines).
    const QAbstractItemModel *shown = m_proxy ? static_cast<QAbstractItemModel *>(m_proxy) : m_model;
    QStringList header;
    for (int c = 0; c < shown->columnCount(); ++c)
        header.append(shown->headerData(c, Qt::Horizontal).toString());
    bool ok = writer.beginSheet(stem.left(31), header);
    for (int r = 0; ok && r < shown->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < shown->columnCount(); ++c)
            cells.append(shown->index(r, c).data().toString());
        ok = writer.writeRow(cells);
        if (r % 1000 == 0) {
            progress.setValue(r);
            if (progress.wasCanceled()) {
                writer.discard();
                return;
            }
        }
    }
    if (!ok || !writer.finish()) {
        MessageBox::warning(this, tr("Export failed"), writer.errorString());
        return;
    }
    progress.reset();
    MessageBox::information(
        this, tr("Exported"),
        tr("%n row(s) written to %1.", nullptr, m_model->rowCount()).arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
