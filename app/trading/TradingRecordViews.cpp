#include "app/trading/TradingRecordViews.h"

#include "app/collective/CollectiveQueries.h"
#include "app/net/ApiClient.h"
#include "app/records/ComputedColumnProxy.h"
#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/shell/DialogHook.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/trading/BidDialog.h"
#include "app/trading/DealPdf.h"
#include "app/trading/ListingStepDialog.h"
#include "app/trading/TradingQueries.h"
#include "common/trading/CadreTypes.h"
#include "common/trading/TradingTypes.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QJsonObject>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace trading;

namespace {

class TradingRecordViews
{
    Q_DECLARE_TR_FUNCTIONS(TradingRecordViews)
};

const int kRightAligned = int(Qt::AlignRight | Qt::AlignVCenter);

// The working days left of a listing's notice, blank when it is not in notice.
QVariant daysLeft(ClientSession &session, const QString &id, int role)
{
    if (role == Qt::TextAlignmentRole)
        return kRightAligned;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const std::optional<CachedRecord> rec = session.cache().record(id);
    if (!rec)
        return {};
    const WorkingCalendar &calendar = WorkingCalendar::current();
    const int left =
        tradingquery::noticeDaysLeft(rec->record.fields, session.clock().todayInChina(), calendar);
    if (left < 0)
        return {};
    if (role == Qt::DisplayRole)
        return QString::number(left);
    const QDate end = tradingquery::handlingOf(rec->record.fields).noticeTo;
    QString tip = left == 0
                      ? TradingRecordViews::tr("The notice ended on %1: the bidders' qualification is due.")
                      : TradingRecordViews::tr("Working days until the notice ends on %1, today included.");
    tip = tip.arg(end.toString(Qt::ISODate));
    const QString note = calendar.uncoveredNote(end);
    if (!note.isEmpty())
        tip += u' ' + note;
    return tip;
}

// The step dialog on the listing chosen in `list`.
void stepOn(ClientSession &session, RecordListView *list)
{
    const QString id = list->currentRecordId();
    if (id.isEmpty()) {
        MessageBox::information(list, TradingRecordViews::tr("Record a step"),
                                TradingRecordViews::tr("Choose a listing in the list first."));
        return;
    }
    ListingStepDialog dialog(session, id, list);
    if (DialogHook<ListingStepDialog>::run(dialog) == QDialog::Accepted)
        list->reload();
}

void showWinners(ClientSession &session, RecordListView &view)
{
    view.model().setReferenceResolver(u"winnerId"_s, [&session](const QString &registrationId) {
        return tradingquery::registrationLabel(session.cache(), registrationId);
    });
}

RecordListView *listingsList(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},    {u"listingNo"_s, {}},
                 {u"subject"_s, {}},     {u"rightKind"_s, {}},
                 {u"areaMu"_s, {}},      {u"termYears"_s, {}},
                 {u"reserve"_s, {}},     {u"startPrice"_s, {}},
                 {u"centreLevel"_s, {}}, {u"state"_s, {}},
                 {u"noticeFrom"_s, {}},  {u"noticeTo"_s, {}},
                 {u"qualified"_s, {}},   {u"bids"_s, {}},
                 {u"highBid"_s, {}},     {u"@state"_s, TradingRecordViews::tr("Sync")}};
    o.searchFields = {u"listingNo"_s, u"subject"_s};
    o.exportName = TradingRecordViews::tr("Listings");
    o.canAdd = o.canEdit = entersData(session);
    auto *view = new RecordListView(session, sync::RecordTypes::get<ListingType>(), o, parent);
    view->setObjectName(u"tradeListings"_s);
    // What a listing lets and the one it lists again, among the village's own records.
    view->setDialogHook([&session](RecordDialog &dialog, const sync::Placement &placement) {
        const LocalCache &cache = session.cache();
        dialog.form()->setReferenceChoices(u"assetId"_s,
                                           collectivequery::assetChoices(cache, placement.orgUnitId));
        dialog.form()->setReferenceChoices(u"resourceId"_s,
                                           collectivequery::resourceChoices(cache, placement.orgUnitId));
        dialog.form()->setReferenceChoices(u"relistOf"_s,
                                           tradingquery::listingChoices(cache, placement.orgUnitId));
    });
    return view;
}

RecordListView *registrationsList(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"listingId"_s, {}},
                 {u"bidderName"_s, {}},
                 {u"bidderId"_s, {}},
                 {u"phone"_s, {}},
                 {u"depositPaid"_s, {}},
                 {u"depositPaidOn"_s, {}},
                 {u"qualified"_s, {}},
                 {u"refundedOn"_s, {}},
                 {u"refundAmount"_s, {}},
                 {u"depositToPayment"_s, {}},
                 {u"@state"_s, TradingRecordViews::tr("Sync")}};
    o.searchFields = {u"bidderName"_s};
    o.placeFilter = false; // the listing chosen above decides
    o.exportName = TradingRecordViews::tr("Registrations");
    o.canAdd = o.canEdit = entersData(session);
    auto *view = new RecordListView(session, sync::RecordTypes::get<RegistrationType>(), o, parent);
    view->setObjectName(u"tradeRegistrations"_s);
    view->model().setReferenceResolver(u"listingId"_s, [&session](const QString &listingId) {
        return tradingquery::listingLabel(session.cache(), listingId);
    });
    view->setDialogHook([&session](RecordDialog &dialog, const sync::Placement &placement) {
        dialog.form()->setReferenceChoices(
            u"listingId"_s, tradingquery::listingChoices(session.cache(), placement.orgUnitId));
        // One registration per bidder and listing: its id follows from them.
        dialog.setRecordIdRule([](const QJsonObject &fields) {
            return RegistrationType::recordIdFor(fields.value(u"listingId"_s).toString(),
                                                 fields.value(u"bidderId"_s).toString());
        });
    });
    return view;
}

} // namespace

void setNextListingStep(std::function<void(ListingStepDialog &)> fill)
{
    DialogHook<ListingStepDialog>::setNext(std::move(fill));
}

void setNextBid(std::function<void(BidDialog &)> fill)
{
    DialogHook<BidDialog>::setNext(std::move(fill));
}

ListingsView::ListingsView(ClientSession &session, ApiClient &api, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_api(api)
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_listings = listingsList(session, splitter);
    m_registrations = registrationsList(session, splitter);
    splitter->addWidget(m_listings);
    splitter->addWidget(m_registrations);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);

    m_state = new QComboBox(m_listings);
    m_state->setObjectName(u"listingState"_s);
    m_state->addItem(tr("All states"), QString());
    const QStringList states = listingStateChoicePairs();
    for (qsizetype i = 0; i + 1 < states.size(); i += 2)
        m_state->addItem(states.at(i + 1), states.at(i));
    m_listings->addFilterWidget(m_state);

    auto *days = new ComputedColumnProxy(
        tr("Working days left"),
        [&session](const QString &id, int, int role) { return daysLeft(session, id, role); }, m_listings);
    m_listings->setProxy(days);
    m_daysColumn = days->computedColumn();
    // Beside the notice's last day.
    m_listings->view()->horizontalHeader()->moveSection(m_daysColumn,
                                                        m_listings->model().columnOf(u"noticeTo"_s) + 1);

    if (entersData(session)) {
        QPushButton *steps = m_listings->addAction(tr("&Steps…"));
        steps->setObjectName(u"listingSteps"_s);
        connect(steps, &QPushButton::clicked, this, &ListingsView::stepOnCurrent);
        m_bid = m_listings->addAction(tr("&Bid…"));
        m_bid->setObjectName(u"bidOnListing"_s);
        m_bid->setToolTip(tr("A bid is sent to the server at once and recorded there, in the order it "
                             "arrives: only online, and only while the listing is bidding."));
        connect(m_bid, &QPushButton::clicked, this, &ListingsView::bidOnCurrent);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        const QString state = m_state->currentData().toString();
        m_listings->model().setEquals(u"state"_s, state.isEmpty() ? QVariant() : QVariant(state));
    });
    connect(m_listings, &RecordListView::currentRecordChanged, this, &ListingsView::followListing);
    connect(&api, &ApiClient::reachabilityChanged, this, &ListingsView::setOnline);
    connect(&session.engine(), &SyncEngine::cacheChanged, this, &ListingsView::updateBid);
    updateBid();
}

void ListingsView::setStateFilter(const QString &state)
{
    m_state->setCurrentIndex(qMax(0, m_state->findData(state)));
}

void ListingsView::setOnline(bool online)
{
    m_online = online;
    updateBid();
}

void ListingsView::followListing()
{
    // The registrations of the listing chosen (all while none is); new ones go to it, in its village.
    const QString id = m_listings->currentRecordId();
    m_registrations->model().setEquals(u"listingId"_s, id.isEmpty() ? QVariant() : QVariant(id));
    m_registrations->setFixedValue(u"listingId"_s, id.isEmpty() ? QJsonValue() : QJsonValue(id));
    const std::optional<CachedRecord> rec = id.isEmpty() ? std::nullopt : m_session.cache().record(id);
    m_registrations->setDefaultPlace(rec ? rec->record.orgUnitId : QString());
    updateBid();
}

void ListingsView::updateBid()
{
    if (!m_bid)
        return;
    const QString id = m_listings->currentRecordId();
    const std::optional<CachedRecord> rec = id.isEmpty() ? std::nullopt : m_session.cache().record(id);
    const bool bidding = rec && tradingquery::handlingOf(rec->record.fields).state == ListingState::Bidding;
    m_bid->setEnabled(m_online && bidding);
}

void ListingsView::stepOnCurrent()
{
    stepOn(m_session, m_listings);
}

void ListingsView::bidOnCurrent()
{
    const QString title = tr("Bid");
    const QString id = m_listings->currentRecordId();
    if (id.isEmpty()) {
        MessageBox::information(this, title, tr("Choose a listing in the list first."));
        return;
    }
    BidDialog dialog(m_session, m_api, id, this);
    if (DialogHook<BidDialog>::run(dialog) == QDialog::Accepted)
        MessageBox::information(this, title,
                                tr("The server has recorded the bid. The listing shows it after this sync."));
}

RecordListView *dealsView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},      {u"listingNo"_s, {}},
                 {u"subject"_s, {}},       {u"rightKind"_s, {}},
                 {u"areaMu"_s, {}},        {u"termYears"_s, {}},
                 {u"reserve"_s, {}},       {u"dealPrice"_s, {}},
                 {u"winnerId"_s, {}},      {u"dealOn"_s, {}},
                 {u"state"_s, {}},         {u"resultFrom"_s, {}},
                 {u"signedOn"_s, {}},      {u"contractNo"_s, {}},
                 {u"certificateNo"_s, {}}, {u"@state"_s, TradingRecordViews::tr("Sync")}};
    o.searchFields = {u"listingNo"_s, u"subject"_s, u"contractNo"_s};
    o.exportName = TradingRecordViews::tr("Deals");
    // The deals come from the listings' path: nothing is entered here but the steps.
    o.canAdd = false;
    o.canEdit = false;
    auto *view = new RecordListView(session, sync::RecordTypes::get<ListingType>(), o, parent);
    view->setObjectName(u"tradeDeals"_s);
    view->model().setCondition(
        u"dealt"_s, cachequery::among(cachequery::field(u"state"_s), tradingquery::dealtStateNames()));
    showWinners(session, *view);
    if (entersData(session)) {
        QPushButton *steps = view->addAction(TradingRecordViews::tr("&Steps…"));
        steps->setObjectName(u"dealSteps"_s);
        QObject::connect(steps, &QPushButton::clicked, view, [&session, view] { stepOn(session, view); });
    }
    QPushButton *pdf = view->addAction(TradingRecordViews::tr("Deal confirmation &PDF…"));
    pdf->setObjectName(u"dealConfirmationPdf"_s);
    QObject::connect(pdf, &QPushButton::clicked, view,
                     [&session, view] { exportDealPdf(session, view->currentRecordId(), view); });
    return view;
}

bool readsCadreRegister(const ClientSession &session)
{
    const UserInfo &user = session.user();
    const bool reviewer = user.roles.contains(Role::Reviewer);
    if (user.orgLevel == OrgLevel::Town)
        return reviewer || user.roles.contains(Role::Clerk);
    return reviewer && (user.orgLevel == OrgLevel::County || user.orgLevel == OrgLevel::City);
}

RecordListView *cadreRegisterView(ClientSession &session, QWidget *parent)
{
    const UserInfo &user = session.user();
    const bool town = user.orgLevel == OrgLevel::Town;
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},
                 {u"villageId"_s, {}},
                 {u"position"_s, {}},
                 {u"cadreName"_s, {}},
                 {u"cadreIdNumber"_s, {}},
                 {u"relation"_s, {}},
                 {u"relativeName"_s, {}},
                 {u"relativeIdNumber"_s, {}},
                 {u"inOfficeFrom"_s, {}},
                 {u"inOfficeTo"_s, {}},
                 {u"@state"_s, TradingRecordViews::tr("Sync")}};
    o.searchFields = {u"cadreName"_s, u"relativeName"_s};
    o.placeLevel = OrgLevel::Town;
    o.exportName = TradingRecordViews::tr("Cadre register");
    // Kept by the town's clerks and reviewers; the reviewers above read it.
    o.canAdd = o.canEdit = town && entersData(session);
    auto *view = new RecordListView(session, sync::RecordTypes::get<CadreRegisterType>(), o, parent);
    view->setObjectName(u"cadreRegister"_s);
    view->setToolTip(TradingRecordViews::tr(
        "Village cadres and their close relatives, kept by the town. Names and ID numbers are confidential: "
        "every time they are sent to a user, the server logs it."));
    if (town)
        view->setDefaultPlace(user.orgUnitId);
    // The village by its name (the units may arrive after the page is built).
    const auto villagesKnown = [&session, view] {
        QList<QPair<QString, QString>> names;
        const QList<OrgUnit> villages = session.orgUnitsAt(OrgLevel::Village);
        for (const OrgUnit &u : villages)
            names.append({u.id, u.name});
        view->model().setValueLabels(u"villageId"_s, names);
    };
    villagesKnown();
    QObject::connect(&session, &ClientSession::orgUnitsChanged, view, villagesKnown);
    // A village of the town the entry is kept at.
    view->setDialogHook([&session](RecordDialog &dialog, const sync::Placement &placement) {
        RecordForm::Choices choices;
        const QList<OrgUnit> villages = session.orgUnitsAt(OrgLevel::Village);
        for (const OrgUnit &u : villages) {
            if (u.parentId == placement.orgUnitId)
                choices.append({u.id, u.name});
        }
        dialog.form()->setTextChoices(u"villageId"_s, choices);
    });
    return view;
}

} // namespace sunshine::app
