#include "app/supervision/InspectionsView.h"

#include "app/net/ApiClient.h"
#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/shell/MessageBox.h"
#include "app/supervision/SupervisionQueries.h"
#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"
#include "common/core/Money.h"
#include "common/supervision/InspectionTypes.h"
#include "common/supervision/SupervisionRules.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace supervision;

namespace {

bool isSupervisor(const ClientSession &session)
{
    return session.user().roles.contains(Role::Supervisor);
}

// The responsible department of new findings: a combo of the area's departments.
QComboBox *departmentCombo(ClientSession &session, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setToolTip(InspectionsView::tr("The department that must answer for new findings"));
    const QList<Department> departments = session.departments();
    for (const Department &d : departments) {
        const QString unit = session.orgUnitName(d.orgUnitId);
        combo->addItem(unit.isEmpty() ? d.name : unit + u" · "_s + d.name, d.id);
    }
    return combo;
}

} // namespace

InspectionsView::InspectionsView(ClientSession &session, ApiClient &api, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_api(api)
{
    m_window = new QLabel(this);
    m_window->setObjectName(u"inspectionWindow"_s);
    m_window->setWordWrap(true);
    m_open = new QPushButton(tr("Open this window's inspection…"), this);
    m_open->setVisible(isSupervisor(session));
    connect(m_open, &QPushButton::clicked, this, &InspectionsView::openCurrentWindow);
    auto *banner = new QHBoxLayout;
    banner->addWidget(m_window, 1);
    banner->addWidget(m_open);

    RecordListView::Options o;
    o.columns = {
        {u"title"_s, {}},     {u"kind"_s, {}},        {u"quarter"_s, {}}, {u"@orgUnit"_s, tr("Unit")},
        {u"startedOn"_s, {}}, {u"concludedOn"_s, {}}, {u"drawnOn"_s, {}}, {u"@state"_s, tr("Sync")}};
    o.searchFields = {u"title"_s, u"inspectors"_s, u"conclusion"_s};
    o.placeLevel = OrgLevel::County;
    o.exportName = tr("Inspections");
    o.canAdd = o.canEdit = isSupervisor(session); // the 纪委's records
    m_inspections = new RecordListView(session, sync::RecordTypes::get<InspectionType>(), o, this);
    m_inspections->setObjectName(u"inspections"_s);
    m_inspections->setDefaultDepartment(session.user().departmentId);
    m_inspections->setDefaultPlace(session.user().orgUnitId);
    m_inspections->setDialogHook([this](RecordDialog &dialog, const sync::Placement &) {
        if (!m_prefill.isEmpty() && dialog.isNewRecord())
            dialog.form()->setValues(m_prefill);
        m_prefill = {};
    });
    if (isSupervisor(session)) {
        m_draw = m_inspections->addAction(tr("Draw spot check"));
        connect(m_draw, &QPushButton::clicked, this, &InspectionsView::drawChosen);
    }
    m_verify = m_inspections->addAction(tr("Check the draw"));
    connect(m_verify, &QPushButton::clicked, this, &InspectionsView::verifyChosen);

    RecordListView::Options f;
    f.columns = {{u"@orgUnit"_s, tr("Place")},
                 {u"subject"_s, {}},
                 {u"description"_s, {}},
                 {u"severity"_s, {}},
                 {u"amountFen"_s, {}},
                 {u"foundOn"_s, {}},
                 {u"@department"_s, tr("Responsible")},
                 {u"@state"_s, tr("Sync")}};
    f.searchFields = {u"description"_s};
    f.exportName = tr("Inspection findings");
    f.canAdd = f.canEdit = isSupervisor(session);
    f.equals.insert(u"inspectionId"_s, u"-"_s);
    m_findings = new RecordListView(session, sync::RecordTypes::get<InspectionFindingType>(), f, this);
    m_findings->setObjectName(u"inspectionFindings"_s);
    if (isSupervisor(session)) {
        QComboBox *department = departmentCombo(session, m_findings);
        m_findings->addFilterWidget(department);
        auto chooseDepartment = [this, department] {
            m_findings->setDefaultDepartment(department->currentData().toString());
        };
        connect(department, &QComboBox::currentIndexChanged, this, chooseDepartment);
        chooseDepartment();
    }

    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(u"inspectionDetail"_s);
    auto *detail = new QTabWidget(this);
    detail->addTab(m_detail, tr("Coverage and draw"));
    detail->addTab(m_findings, tr("Findings"));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_inspections);
    split->addWidget(detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(banner);
    layout->addWidget(split);

    connect(m_inspections, &RecordListView::currentRecordChanged, this, &InspectionsView::showInspection);
    connect(&session.engine(), &SyncEngine::cacheChanged, this, [this] { showInspection(m_current); });
    updateWindow();
    showInspection({});
}

QString InspectionsView::windowText() const
{
    return m_window->text();
}

QString InspectionsView::detailText() const
{
    return m_detail->toPlainText();
}

void InspectionsView::updateWindow()
{
    const QDate today = chinaDateOf(m_session.clock().nowMs());
    const QList<InspectionWindow> open = openWindows(today);
    if (open.isEmpty()) {
        // The next window: this quarter's, or the next quarter's once this one's have passed.
        InspectionWindow next = inspectionWindow(InspectionKind::Full, Quarter::of(today).previous());
        if (next.to < today)
            next = inspectionWindow(InspectionKind::Full, Quarter::of(today));
        m_window->setText(
            tr("No inspection window of Art. 31 is open today. The next one: full inspection of "
               "%1 from %2 to %3, spot checks from %4.")
                .arg(next.inspected.chineseName(), next.from.toString(Qt::ISODate),
                     next.to.toString(Qt::ISODate),
                     inspectionWindow(InspectionKind::Spot, next.inspected).from.toString(Qt::ISODate)));
        m_open->setEnabled(false);
        return;
    }
    QStringList parts;
    for (const InspectionWindow &w : open)
        parts.append(tr("%1 of %2 (%3 to %4)")
                         .arg(inspectionKindChinese(w.kind), w.inspected.chineseName(),
                              w.from.toString(Qt::ISODate), w.to.toString(Qt::ISODate)));
    m_window->setText(tr("Open today (Art. 31): %1.").arg(parts.join(tr("; "))));
    m_open->setEnabled(true);
}

void InspectionsView::openCurrentWindow()
{
    const QDate today = chinaDateOf(m_session.clock().nowMs());
    const QList<InspectionWindow> open = openWindows(today);
    if (open.isEmpty())
        return;
    // On the 20th both windows are open: the spot checks follow the full inspection.
    const InspectionWindow w = open.last();
    m_prefill =
        QJsonObject{{u"kind"_s, inspectionKindName(w.kind)},
                    {u"quarter"_s, w.inspected.toString()},
                    {u"startedOn"_s, today.toString(Qt::ISODate)},
                    {u"title"_s, tr("%1 %2").arg(w.inspected.chineseName(), inspectionKindChinese(w.kind))}};
    if (w.kind == InspectionKind::Spot) {
        m_prefill.insert(u"villageCount"_s, 5);
        m_prefill.insert(u"householdsPerVillage"_s, 3);
    }
    m_inspections->addRecord();
    m_prefill = {};
}

void InspectionsView::showInspection(const QString &id)
{
    m_current = id;
    m_findings->model().setEquals(u"inspectionId"_s, id.isEmpty() ? u"-"_s : id);
    m_findings->setFixedValue(u"inspectionId"_s, id);
    m_findings->setEnabled(!id.isEmpty());
    const std::optional<CachedRecord> rec = id.isEmpty() ? std::nullopt : m_session.cache().record(id);
    if (m_draw)
        m_draw->setEnabled(rec && rec->record.fields.value(u"kind"_s).toString() != u"full"_s &&
                           rec->record.fields.value(u"seed"_s).toString().isEmpty());
    m_verify->setEnabled(rec && !rec->record.fields.value(u"seed"_s).toString().isEmpty());
    if (!rec) {
        m_detail->setHtml(tr("<p>Choose an inspection to see what it covers.</p>"));
        return;
    }
    const QJsonObject &f = rec->record.fields;
    QStringList units;
    const QString unitPath =
        m_session.orgUnit(rec->record.orgUnitId) ? m_session.orgUnit(rec->record.orgUnitId)->path : QString();
    const QList<OrgUnit> all = m_session.orgUnits();
    for (const OrgUnit &u : all) {
        if (!unitPath.isEmpty() && u.path.startsWith(unitPath))
            units.append(u.id);
    }
    QString html = u"<h3>%1</h3>"_s.arg(f.value(u"title"_s).toString().toHtmlEscaped());
    const auto quarter = Quarter::parse(f.value(u"quarter"_s).toString());
    if (f.contains(u"windowFrom"_s))
        html += tr("<p>Window of Art. 31: %1 to %2.</p>")
                    .arg(f.value(u"windowFrom"_s).toString(), f.value(u"windowTo"_s).toString());
    if (quarter) {
        const supervisionquery::Coverage c = supervisionquery::coverage(m_session.cache(), units, *quarter);
        html += tr("<p><b>Covers %1 in %2:</b> %3 payments, %4 yuan; %5 visits; %6 help requests.</p>")
                    .arg(quarter->chineseName(), m_session.orgUnitName(rec->record.orgUnitId))
                    .arg(c.payments)
                    .arg(money::formatYuan(c.paymentsFen))
                    .arg(c.visits)
                    .arg(c.helpRequests);
    }
    if (!f.value(u"seed"_s).toString().isEmpty()) {
        html += tr("<p><b>Drawn on %1</b> with seed %2 from %3 villages (list digest %4).</p>")
                    .arg(f.value(u"drawnOn"_s).toString(), f.value(u"seed"_s).toString())
                    .arg(f.value(u"villagePopulation"_s).toInteger())
                    .arg(f.value(u"populationDigest"_s).toString().left(16));
        const QJsonArray villages = f.value(u"drawnVillages"_s).toArray();
        const QJsonArray households = f.value(u"drawnHouseholds"_s).toArray();
        html += u"<ol>"_s;
        for (const QJsonValue &v : villages) {
            const QJsonObject o = v.toObject();
            QStringList names;
            for (const QJsonValue &h : households) {
                if (h.toObject().value(u"villageId"_s) != o.value(u"id"_s))
                    continue;
                const QString hid = h.toObject().value(u"id"_s).toString();
                const std::optional<CachedRecord> household = m_session.cache().record(hid);
                names.append(household ? household->record.fields.value(u"headName"_s).toString() + u' ' +
                                             household->record.fields.value(u"householdNo"_s).toString()
                                       : hid.left(8));
            }
            html +=
                tr("<li>%1 (%2 households): %3</li>")
                    .arg(o.value(u"name"_s).toString().toHtmlEscaped())
                    .arg(o.value(u"population"_s).toInteger())
                    .arg(names.isEmpty() ? tr("no household drawn") : names.join(u"、"_s).toHtmlEscaped());
        }
        html += u"</ol>"_s;
    } else if (f.value(u"kind"_s).toString() != u"full"_s) {
        html += tr("<p>Not drawn yet: %1 villages, %2 households each.</p>")
                    .arg(f.value(u"villageCount"_s).toInteger())
                    .arg(f.value(u"householdsPerVillage"_s).toInteger());
    }
    if (!f.value(u"conclusion"_s).toString().isEmpty())
        html += tr("<p><b>Conclusion (%1):</b> %2</p>")
                    .arg(f.value(u"concludedOn"_s).toString(),
                         f.value(u"conclusion"_s).toString().toHtmlEscaped());
    m_detail->setHtml(html);
}

void InspectionsView::drawChosen()
{
    const QString id = m_inspections->currentRecordId();
    if (id.isEmpty())
        return;
    if (MessageBox::question(
            this, tr("Draw spot check"),
            tr("The server draws the villages and households now, from a random seed it keeps. "
               "A draw cannot be made again. Draw now?")) != QMessageBox::Yes)
        return;
    const ApiResult r = m_api.wait("POST", u"/api/v1/supervision/inspections/%1/draw"_s.arg(id), "{}");
    if (!r.ok()) {
        MessageBox::warning(this, tr("Draw spot check"), r.message);
        return;
    }
    m_session.engine().syncNow(); // the draw comes back with the inspection record
    MessageBox::information(this, tr("Draw spot check"),
                            tr("Drawn with seed %1: %2 villages. The result appears after this sync.")
                                .arg(r.json.value(u"seed"_s).toString())
                                .arg(r.json.value(u"drawnVillages"_s).toArray().size()));
}

void InspectionsView::verifyChosen()
{
    const QString id = m_inspections->currentRecordId();
    if (id.isEmpty())
        return;
    const ApiResult r = m_api.wait("GET", u"/api/v1/supervision/inspections/%1/draw"_s.arg(id));
    if (!r.ok()) {
        MessageBox::warning(this, tr("Check the draw"), r.message);
        return;
    }
    const bool same = r.json.value(u"sameVillages"_s).toBool() && r.json.value(u"sameHouseholds"_s).toBool();
    const bool samePopulation = r.json.value(u"samePopulation"_s).toBool();
    QString text = same ? tr("Drawn again from seed %1: the same villages and households.")
                        : tr("Drawn again from seed %1: the result differs from the one kept.");
    text = text.arg(r.json.value(u"seed"_s).toString());
    if (!samePopulation)
        text += u'\n' + tr("The villages or households drawn from have changed since the draw (units or "
                           "households added or removed), so a different result is expected.");
    MessageBox::information(this, tr("Check the draw"), text);
}

} // namespace sunshine::app
