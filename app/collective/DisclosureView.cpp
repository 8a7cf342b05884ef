#include "app/collective/DisclosureView.h"

#include "app/collective/CollectiveQueries.h"
#include "app/records/PdfExport.h"
#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/collective/CollectiveTypes.h"
#include "common/collective/DisclosureReport.h"

#include <QDir>
#include <QInputDialog>
#include <QJsonDocument>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using collective::DisclosureType;

DisclosureView::DisclosureView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},  {u"quarter"_s, {}},  {u"state"_s, {}},    {u"checkedOn"_s, {}},
                 {u"checkedBy"_s, {}}, {u"postedOn"_s, {}}, {u"postedAt"_s, {}}, {u"@state"_s, tr("Sync")}};
    o.searchFields = {u"quarter"_s, u"checkedBy"_s, u"postedAt"_s};
    o.exportName = tr("Financial disclosures");
    o.canAdd = false; // generated from the books
    o.canEdit = entersData(session);
    m_list = new RecordListView(session, sync::RecordTypes::get<DisclosureType>(), o, this);
    m_list->setObjectName(u"collectiveDisclosures"_s);
    // The report and its quarter are the books': Edit records the finance group's check and the posting.
    m_list->setDialogHook([](RecordDialog &dialog, const sync::Placement &) {
        dialog.form()->setFieldHidden(u"report"_s);
        dialog.form()->setFieldHidden(u"quarter"_s);
    });
    if (entersData(session)) {
        QPushButton *generateButton = m_list->addAction(tr("&Generate…"));
        generateButton->setObjectName(u"generateDisclosure"_s);
        generateButton->setToolTip(tr("Builds a village's disclosure of an ended quarter from its books"));
        connect(generateButton, &QPushButton::clicked, this, &DisclosureView::askAndGenerate);
    }
    QPushButton *pdf = m_list->addAction(tr("Export &PDF…"));
    pdf->setObjectName(u"exportDisclosurePdf"_s);
    connect(pdf, &QPushButton::clicked, this, &DisclosureView::exportCurrent);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
}

QList<Quarter> DisclosureView::endedQuarters(int count) const
{
    QList<Quarter> out;
    Quarter q = Quarter::of(m_session.clock().todayInChina()).previous();
    for (int i = 0; i < count; ++i, q = q.previous())
        out.append(q);
    return out;
}

QString DisclosureView::generate(const QString &villageId, const Quarter &quarter, QString *error)
{
    const qint64 now = m_session.clock().nowMs();
    const QDate today = chinaDateOf(now);
    if (!quarter.isValid() || quarter.lastDay() >= today) {
        *error = tr("A quarter's disclosure is generated once the quarter has ended.");
        return {};
    }
    const std::optional<OrgUnit> village = m_session.orgUnit(villageId);
    if (!village || village->level != OrgLevel::Village) {
        *error = tr("Choose a village of your area.");
        return {};
    }
    const auto &type = sync::RecordTypes::get<DisclosureType>();
    const QString id = DisclosureType::recordIdFor(villageId, quarter.toString());
    const std::optional<CachedRecord> existing = m_session.cache().record(id);
    const bool known = existing && !existing->record.deleted;
    const QJsonObject before = known ? existing->record.fields : QJsonObject();
    if (sync::RecordType::dateOf(before, u"postedOn"_s).isValid()) {
        *error = tr("The disclosure of %1 for %2 is posted already; it is not generated again.")
                     .arg(village->name, quarter.chineseName());
        return {};
    }
    const QJsonObject report =
        collective::buildDisclosure(collectivequery::disclosureInput(m_session.cache(), villageId, quarter));
    const QString reportText = QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact));
    QJsonObject fields = before;
    fields.insert(u"quarter"_s, quarter.toString());
    fields.insert(u"report"_s, reportText);
    // Books changed since the finance group checked the draft: it checks the new one again.
    if (before.value(u"report"_s).toString() != reportText) {
        fields.remove(u"checkedOn"_s);
        fields.remove(u"checkedBy"_s);
    }

    // Checked with the rules the server applies, as a form's save is, then saved the same way.
    sync::Placement placement;
    placement.orgUnitId = villageId;
    placement.orgPath = village->path;
    placement.orgLevel = village->level;
    placement.departmentId = known ? existing->record.departmentId : QString();
    sync::RuleContext context;
    context.nowMs = now;
    context.today = today;
    context.entryDay = today;
    context.calendar = &WorkingCalendar::current();
    if (known)
        context.before = &before;
    if (const std::optional<sync::FieldProblem> problem = type.checkRecord(id, fields, placement, context)) {
        *error = problem->message;
        return {};
    }
    const QJsonObject changed = LocalCache::changedFields(before, fields);
    if (!changed.isEmpty() &&
        !m_session.saveFields(type.name(), id, villageId, placement.departmentId, changed, error))
        return {};
    m_list->reload();
    return id;
}

bool DisclosureView::exportPdf(const QString &recordId, const QString &path, QString *error) const
{
    const std::optional<CachedRecord> rec = m_session.cache().record(recordId);
    if (!rec || rec->record.type != QString::fromUtf16(DisclosureType::kName)) {
        *error = tr("The disclosure is not on this computer.");
        return false;
    }
    const QJsonObject &f = rec->record.fields;
    const QJsonObject report = QJsonDocument::fromJson(f.value(u"report"_s).toString().toUtf8()).object();
    if (report.isEmpty()) {
        *error = tr("The disclosure has no report to print.");
        return false;
    }
    const QString village = m_session.orgUnitName(rec->record.orgUnitId);
    const std::optional<Quarter> quarter = Quarter::parse(f.value(u"quarter"_s).toString());
    QTextDocument document;
    document.setDefaultStyleSheet(
        u"body { font-size: 10pt; } h2 { font-size: 16pt; } h3 { font-size: 12pt; }"_s);
    document.setHtml(collective::disclosureHtml(report, village));
    return writePdf(
        document, path,
        tr("%1 financial disclosure, %2").arg(village, quarter ? quarter->chineseName() : QString()), error);
}

void DisclosureView::askAndGenerate()
{
    const QString title = tr("Generate a disclosure");
    const UserInfo &user = m_session.user();
    QString villageId = user.orgUnitId;
    if (user.orgLevel != OrgLevel::Village) {
        // The town's clerk keeps the books of its villages (村账镇代管): which one?
        const QList<OrgUnit> villages = m_session.orgUnitsAt(OrgLevel::Village);
        if (villages.isEmpty()) {
            MessageBox::information(this, title,
                                    tr("The villages of your area are not known yet. Connect once so the "
                                       "program can fetch them."));
            return;
        }
        QStringList villageNames;
        int chosen = 0;
        for (const OrgUnit &v : villages) {
            if (v.id == m_list->chosenPlace())
                chosen = int(villageNames.size());
            villageNames.append(v.name);
        }
        bool picked = false;
        const QString name =
            QInputDialog::getItem(this, title, tr("Village:"), villageNames, chosen, false, &picked);
        if (!picked)
            return;
        villageId = villages.at(villageNames.indexOf(name)).id;
    }
    const QList<Quarter> quarters = endedQuarters();
    QStringList quarterNames;
    for (const Quarter &q : quarters)
        quarterNames.append(q.chineseName());
    bool ok = false;
    const QString quarterName =
        QInputDialog::getItem(this, title, tr("Quarter:"), quarterNames, 0, false, &ok);
    if (!ok)
        return;
    QString error;
    if (generate(villageId, quarters.at(quarterNames.indexOf(quarterName)), &error).isEmpty())
        MessageBox::warning(this, title, error);
    else
        MessageBox::information(this, title,
                                tr("The disclosure is saved as a draft. Once the village's finance group has "
                                   "checked it, record the check and the posting with Edit."));
}

void DisclosureView::exportCurrent()
{
    const QString title = tr("Export PDF");
    const QString id = m_list->currentRecordId();
    const std::optional<CachedRecord> rec = id.isEmpty() ? std::nullopt : m_session.cache().record(id);
    if (!rec) {
        MessageBox::information(this, title, tr("Choose a disclosure in the list first."));
        return;
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stem = tr("%1 %2 financial disclosure")
                             .arg(m_session.orgUnitName(rec->record.orgUnitId),
                                  rec->record.fields.value(u"quarter"_s).toString());
    const QString path =
        FileDialog::getSaveFileName(this, title, QDir(dir).filePath(stem + u".pdf"_s), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPdf(id, path, &error))
        MessageBox::warning(this, title, error);
    else
        MessageBox::information(this, title, tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
