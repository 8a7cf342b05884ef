#include "app/dashboard/RecordsBehindDialog.h"

#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "common/funds/FundCatalog.h"
#include "ui_RecordsBehindDialog.h"

#include <QPushButton>
#include <QTabBar>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

QList<RecordColumn> RecordsBehindDialog::columnsFor(const QString &type)
{
    if (type == u"disbursement"_s)
        return {{u"fundCode"_s, {}},   {u"recipientName"_s, {}},    {u"amountFen"_s, {}},
                {u"period"_s, {}},     {u"paidOn"_s, {}},           {u"enteredOn"_s, {}},
                {u"entryDueOn"_s, {}}, {u"@orgUnit"_s, tr("Place")}};
    if (type == u"fund-allocation"_s)
        return {{u"fundCode"_s, {}},    {u"sourceLevel"_s, {}}, {u"year"_s, {}},
                {u"amountFen"_s, {}},   {u"documentNo"_s, {}},  {u"receivedOn"_s, {}},
                {u"reportDueOn"_s, {}}, {u"reportedOn"_s, {}},  {u"@orgUnit"_s, tr("Place")}};
    if (type == u"household"_s)
        return {{u"householdNo"_s, {}},  {u"headName"_s, {}},       {u"@orgUnit"_s, tr("Village")},
                {u"povertyCause"_s, {}}, {u"registeredYear"_s, {}}, {u"status"_s, {}},
                {u"exitYear"_s, {}}};
    if (type == u"pairing"_s)
        return {{u"helperId"_s, {}},
                {u"householdId"_s, {}},
                {u"@orgUnit"_s, tr("Village")},
                {u"startDate"_s, {}}};
    if (type == u"help-request"_s)
        return {{u"raisedOn"_s, {}},   {u"category"_s, {}},           {u"requester"_s, {}},
                {u"acceptedOn"_s, {}}, {u"answeredOn"_s, {}},         {u"assignedOn"_s, {}},
                {u"resultOn"_s, {}},   {u"@orgUnit"_s, tr("Village")}};
    return {{u"@orgUnit"_s, tr("Place")}};
}

void applyBehind(RecordListView *list, const RecordsBehind &behind)
{
    RecordTableModel &model = list->model();
    // No place in the list: select nothing rather than everything.
    model.setOrgUnits(behind.orgUnitIds.isEmpty() ? QStringList{QString()} : behind.orgUnitIds);
    model.setCondition(u"dashboard"_s, behind.condition);
}

RecordsBehindDialog::RecordsBehindDialog(ClientSession &session, const QList<RecordsBehind> &behind,
                                         QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::RecordsBehindDialog>())
{
    ui->setupUi(this);
    QStringList titles;
    for (const RecordsBehind &b : behind) {
        const sync::RecordType *type = sync::RecordTypes::find(b.type);
        if (!type)
            continue;
        RecordListView::Options o;
        o.columns = columnsFor(b.type);
        o.placeFilter = false;
        o.canAdd = false;
        o.canEdit = false;
        o.exportName = b.title.left(60);
        auto *list = new RecordListView(session, *type, o, ui->tabs);
        list->model().setReferenceResolver({}, [&session](const QString &id) -> QString {
            const std::optional<CachedRecord> r = session.cache().record(id);
            if (!r)
                return id;
            for (const QString &k : {u"headName"_s, u"name"_s})
                if (r->record.fields.contains(k))
                    return r->record.fields.value(k).toString();
            return id;
        });
        if (b.type == u"disbursement"_s || b.type == u"fund-allocation"_s) {
            QList<QPair<QString, QString>> labels;
            const QList<funds::FundLine> lines = funds::allFundLines();
            for (const funds::FundLine &l : lines)
                labels.append({l.code, l.name});
            list->model().setValueLabels(u"fundCode"_s, labels);
        }
        applyBehind(list, b);
        m_lists.append(list);
        ui->tabs->addTab(list, tr("%1 (%2)").arg(type->chineseName()).arg(list->model().totalCount()));
        titles.append(b.title);
    }
    ui->tabs->tabBar()->setVisible(m_lists.size() > 1);
    ui->titleLabel->setText(titles.join(u" / "_s));
    setWindowTitle(titles.value(0, windowTitle()));
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

RecordsBehindDialog::~RecordsBehindDialog() = default;

} // namespace sunshine::app
