#include "app/collective/CollectiveRecordViews.h"

#include "app/collective/CollectiveImportDialogs.h"
#include "app/collective/CollectiveQueries.h"
#include "app/records/ComputedColumnProxy.h"
#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "common/collective/CollectiveTypes.h"
#include "common/collective/LedgerTypes.h"
#include "common/core/Money.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QSplitter>
#include <QTableView>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace collective;

namespace {

class CollectiveRecordViews
{
    Q_DECLARE_TR_FUNCTIONS(CollectiveRecordViews)
};

const int kRightAligned = int(Qt::AlignRight | Qt::AlignVCenter);

RecordListView *makeView(ClientSession &session, const sync::RecordType &type, RecordListView::Options o,
                         const QString &objectName, QWidget *parent)
{
    auto *view = new RecordListView(session, type, std::move(o), parent);
    view->setObjectName(objectName);
    return view;
}

// The balance after an entry, as the server computed it; blank (with the reason) until the entry is synced.
QVariant entryBalance(ClientSession &session, const QString &id, int role)
{
    if (role == Qt::TextAlignmentRole)
        return kRightAligned;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const std::optional<CachedRecord> rec = session.cache().record(id);
    const bool known = rec && rec->state == RecordState::Synced && rec->record.fields.contains(u"balance"_s);
    if (role == Qt::ToolTipRole)
        return known
                   ? QVariant()
                   : QVariant(CollectiveRecordViews::tr(
                         "The server computes the balance when it receives the entry; it is shown after the "
                         "next sync."));
    return known ? money::formatYuan(sync::RecordType::fenOf(rec->record.fields, u"balance"_s)) : QString();
}

// An asset's original value less its straight-line depreciation by the end of today.
QVariant assetNetValue(ClientSession &session, const QString &id, int role)
{
    if (role == Qt::TextAlignmentRole)
        return kRightAligned;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const std::optional<CachedRecord> rec = session.cache().record(id);
    if (!rec)
        return {};
    const QJsonObject &f = rec->record.fields;
    if (CollectiveAssetType::isDisposed(f))
        return role == Qt::DisplayRole ? QVariant(CollectiveRecordViews::tr("disposed")) : QVariant();
    const QDate today = session.clock().todayInChina();
    const Depreciation d = CollectiveAssetType::depreciationOf(f);
    if (role == Qt::ToolTipRole)
        return CollectiveRecordViews::tr(
                   "Original value less %n month(s) of straight-line depreciation to %1", nullptr,
                   depreciatedMonths(d, today))
            .arg(today.toString(Qt::ISODate));
    return money::formatYuan(netValue(d, today));
}

} // namespace

void showBookLabels(ClientSession &session, RecordListView &view)
{
    view.model().setReferenceResolver(u"bookId"_s, [&session](const QString &id) {
        return collectivequery::bookLabel(session.cache(), id);
    });
}

QWidget *journalsView(ClientSession &session, QWidget *parent)
{
    auto *splitter = new QSplitter(Qt::Vertical, parent);
    splitter->setObjectName(u"journals"_s);
    RecordListView *books = booksView(session, splitter);
    RecordListView *entries = entriesView(session, splitter);
    splitter->addWidget(books);
    splitter->addWidget(entries);
    splitter->setStretchFactor(1, 2);
    auto *only = new QCheckBox(CollectiveRecordViews::tr("Only the chosen journal"), entries);
    only->setObjectName(u"onlyChosenBook"_s);
    only->setChecked(true);
    entries->addFilterWidget(only);
    // The entries of the journal chosen above (all while none is chosen); new ones go to it, in its village.
    const auto follow = [&session, books, entries, only] {
        const QString id = only->isChecked() ? books->currentRecordId() : QString();
        entries->model().setEquals(u"bookId"_s, id.isEmpty() ? QVariant() : QVariant(id));
        entries->setFixedValue(u"bookId"_s, id.isEmpty() ? QJsonValue() : QJsonValue(id));
        const std::optional<CachedRecord> book =
            id.isEmpty() ? std::optional<CachedRecord>() : session.cache().record(id);
        entries->setDefaultPlace(book ? book->record.orgUnitId : QString());
    };
    QObject::connect(books, &RecordListView::currentRecordChanged, entries, follow);
    QObject::connect(only, &QCheckBox::toggled, entries, follow);
    addJournalImport(session, books, entries);
    return splitter;
}

RecordListView *booksView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},       {u"kind"_s, {}},
                 {u"name"_s, {}},           {u"openingOn"_s, {}},
                 {u"openingBalance"_s, {}}, {u"balance"_s, {}},
                 {u"lastOn"_s, {}},         {u"entries"_s, {}},
                 {u"closedThrough"_s, {}},  {u"@state"_s, CollectiveRecordViews::tr("Sync")}};
    o.searchFields = {u"name"_s};
    o.exportName = CollectiveRecordViews::tr("Journals");
    o.canAdd = o.canEdit = entersData(session);
    return makeView(session, sync::RecordTypes::get<LedgerBookType>(), o, u"ledgerBooks"_s, parent);
}

RecordListView *entriesView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {
        {u"on"_s, {}},        {u"voucherNo"_s, {}}, {u"summary"_s, {}},
        {u"direction"_s, {}}, {u"amount"_s, {}},    {u"entryClass"_s, {}},
        {u"bookId"_s, {}},    {u"@orgUnit"_s, {}},  {u"@state"_s, CollectiveRecordViews::tr("Sync")}};
    o.searchFields = {u"voucherNo"_s, u"summary"_s, u"counterparty"_s};
    o.exportName = CollectiveRecordViews::tr("Journal entries");
    // An entry is never changed once written: a wrong one is put right by a reversing entry.
    o.canAdd = entersData(session);
    o.canEdit = false;
    RecordListView *view =
        makeView(session, sync::RecordTypes::get<LedgerEntryType>(), o, u"ledgerEntries"_s, parent);
    showBookLabels(session, *view);
    view->setDialogHook([&session](RecordDialog &dialog, const sync::Placement &placement) {
        dialog.form()->setReferenceChoices(
            u"bookId"_s, collectivequery::bookChoices(session.cache(), placement.orgUnitId));
        dialog.form()->setReferenceChoices(
            u"reverses"_s, collectivequery::entryChoices(session.cache(), placement.orgUnitId));
    });
    auto *balance = new ComputedColumnProxy(
        CollectiveRecordViews::tr("Balance"),
        [&session](const QString &id, int, int role) { return entryBalance(session, id, role); }, view);
    view->setProxy(balance);
    // The balance after the class, as a journal reads.
    view->view()->horizontalHeader()->moveSection(balance->computedColumn(), 6);
    return view;
}

RecordListView *cashClosesView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {
        {u"@orgUnit"_s, {}},    {u"on"_s, {}},         {u"period"_s, {}},
        {u"bookId"_s, {}},      {u"counted"_s, {}},    {u"countedBy"_s, {}},
        {u"bookBalance"_s, {}}, {u"difference"_s, {}}, {u"@state"_s, CollectiveRecordViews::tr("Sync")}};
    o.searchFields = {u"countedBy"_s};
    o.exportName = CollectiveRecordViews::tr("Cash closes");
    // A close is final once recorded.
    o.canAdd = entersData(session);
    o.canEdit = false;
    RecordListView *view =
        makeView(session, sync::RecordTypes::get<CashCloseType>(), o, u"cashCloses"_s, parent);
    showBookLabels(session, *view);
    view->setDialogHook([&session](RecordDialog &dialog, const sync::Placement &placement) {
        dialog.form()->setReferenceChoices(
            u"bookId"_s, collectivequery::bookChoices(session.cache(), placement.orgUnitId, true));
    });
    return view;
}

RecordListView *assetsView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {
        {u"@orgUnit"_s, {}},      {u"code"_s, {}},      {u"name"_s, {}},
        {u"category"_s, {}},      {u"location"_s, {}},  {u"quantity"_s, {}},
        {u"originalValue"_s, {}}, {u"startOn"_s, {}},   {u"usefulYears"_s, {}},
        {u"status"_s, {}},        {u"custodian"_s, {}}, {u"@state"_s, CollectiveRecordViews::tr("Sync")}};
    o.searchFields = {u"code"_s, u"name"_s, u"location"_s, u"custodian"_s};
    o.exportName = CollectiveRecordViews::tr("Asset register");
    o.canAdd = o.canEdit = entersData(session);
    RecordListView *view =
        makeView(session, sync::RecordTypes::get<CollectiveAssetType>(), o, u"collectiveAssets"_s, parent);
    auto *net = new ComputedColumnProxy(
        CollectiveRecordViews::tr("Net value today"),
        [&session](const QString &id, int, int role) { return assetNetValue(session, id, role); }, view);
    view->setProxy(net);
    // Beside the original value.
    view->view()->horizontalHeader()->moveSection(net->computedColumn(), 7);
    addAssetRegisterImport(session, view);
    return view;
}

RecordListView *resourcesView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {
        {u"@orgUnit"_s, {}}, {u"name"_s, {}},       {u"kind"_s, {}},
        {u"location"_s, {}}, {u"areaMu"_s, {}},     {u"certificate"_s, {}},
        {u"state"_s, {}},    {u"termEndsOn"_s, {}}, {u"@state"_s, CollectiveRecordViews::tr("Sync")}};
    o.searchFields = {u"name"_s, u"location"_s, u"certificate"_s};
    o.exportName = CollectiveRecordViews::tr("Resources");
    o.canAdd = o.canEdit = entersData(session);
    return makeView(session, sync::RecordTypes::get<CollectiveResourceType>(), o, u"collectiveResources"_s,
                    parent);
}

RecordListView *contractsView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},
                 {u"contractNo"_s, {}},
                 {u"kind"_s, {}},
                 {u"counterpartyName"_s, {}},
                 {u"startOn"_s, {}},
                 {u"endOn"_s, {}},
                 {u"areaMu"_s, {}},
                 {u"pricePerMu"_s, {}},
                 {u"yearlyRent"_s, {}},
                 {u"value"_s, {}},
                 {u"state"_s, {}},
                 {u"reviewedOn"_s, {}},
                 {u"@state"_s, CollectiveRecordViews::tr("Sync")}};
    o.searchFields = {u"contractNo"_s, u"counterpartyName"_s};
    o.exportName = CollectiveRecordViews::tr("Contracts");
    o.canAdd = o.canEdit = entersData(session);
    RecordListView *view = makeView(session, sync::RecordTypes::get<CollectiveContractType>(), o,
                                    u"collectiveContracts"_s, parent);
    // What a contract lets, and the one it renews, among the village's own records.
    view->setDialogHook([&session](RecordDialog &dialog, const sync::Placement &placement) {
        const LocalCache &cache = session.cache();
        dialog.form()->setReferenceChoices(u"assetId"_s,
                                           collectivequery::assetChoices(cache, placement.orgUnitId));
        dialog.form()->setReferenceChoices(u"resourceId"_s,
                                           collectivequery::resourceChoices(cache, placement.orgUnitId));
        dialog.form()->setReferenceChoices(u"renews"_s,
                                           collectivequery::contractChoices(cache, placement.orgUnitId));
    });
    return view;
}

RecordListView *rentReferencesView(ClientSession &session, QWidget *parent)
{
    const UserInfo &user = session.user();
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},
                 {u"kind"_s, {}},
                 {u"year"_s, {}},
                 {u"pricePerMu"_s, {}},
                 {u"@state"_s, CollectiveRecordViews::tr("Sync")}};
    o.placeLevel = OrgLevel::Town;
    o.exportName = CollectiveRecordViews::tr("Reference rents");
    o.canAdd = o.canEdit = entersData(session);
    RecordListView *view =
        makeView(session, sync::RecordTypes::get<RentReferenceType>(), o, u"rentReferences"_s, parent);
    if (user.orgLevel == OrgLevel::Town)
        view->setDefaultPlace(user.orgUnitId);
    // One record per town, kind of resource and year: its id follows from them.
    view->setDialogHook([](RecordDialog &dialog, const sync::Placement &placement) {
        const QString town = placement.orgUnitId;
        dialog.setRecordIdRule([town](const QJsonObject &fields) {
            return RentReferenceType::recordIdFor(town, fields.value(u"kind"_s).toString(),
                                                  int(fields.value(u"year"_s).toInteger()));
        });
    });
    return view;
}

RecordListView *countySettingsView(ClientSession &session, QWidget *parent)
{
    const UserInfo &user = session.user();
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},
                 {u"cashLimit"_s, {}},
                 {u"tradingThreshold"_s, {}},
                 {u"@state"_s, CollectiveRecordViews::tr("Sync")}};
    o.placeLevel = OrgLevel::County;
    o.exportName = CollectiveRecordViews::tr("County figures");
    o.canAdd = o.canEdit = user.orgLevel == OrgLevel::County &&
                           (user.roles.contains(Role::Reviewer) || user.roles.contains(Role::Admin));
    auto *view =
        new RecordListView(session, sync::RecordTypes::get<collective::CollectiveSettingsType>(), o, parent);
    view->setObjectName(u"collectiveSettings"_s);
    view->setDefaultPlace(user.orgUnitId);
    // One record per county: its id is the county's.
    view->setDialogHook([](RecordDialog &dialog, const sync::Placement &placement) {
        const QString id = collective::CollectiveSettingsType::recordIdFor(placement.orgUnitId);
        dialog.setRecordIdRule([id](const QJsonObject &) { return id; });
    });
    return view;
}

} // namespace sunshine::app
