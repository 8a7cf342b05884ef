#pragma once

#include <QWidget>
#include <functional>

class QComboBox;
class QPushButton;

namespace sunshine::app {

class ApiClient;
class BidDialog;
class ClientSession;
class ListingStepDialog;
class RecordListView;

// 挂牌项目 above, 竞买报名 below: the listings with their state (a filter by state) and the working days
// left of their notice (counted with the working-day calendar in force on the session's day; blank when not
// in notice), and the registrations of the listing chosen (all while none is chosen), new ones for it.
// "Steps…" records the next step of the listing's path (ListingStepDialog, offline too); "Bid…" sends a bid
// to the server (BidDialog), enabled only online and while the listing is bidding.
class ListingsView : public QWidget
{
    Q_OBJECT
public:
    ListingsView(ClientSession &session, ApiClient &api, QWidget *parent = nullptr);
    RecordListView *listings() const { return m_listings; }
    RecordListView *registrations() const { return m_registrations; }
    // The column of the working days left in the listings' table (the view's model).
    int daysLeftColumn() const { return m_daysColumn; }
    // Only the listings in one state (its wire name; empty: all).
    void setStateFilter(const QString &state);
    // Whether the server is reachable (followed from the ApiClient; tests set it).
    bool isOnline() const { return m_online; }
    void setOnline(bool online);

public Q_SLOTS:
    void stepOnCurrent();
    void bidOnCurrent();

private:
    void followListing();
    void updateBid();

    ClientSession &m_session;
    ApiClient &m_api;
    RecordListView *m_listings = nullptr;
    RecordListView *m_registrations = nullptr;
    QComboBox *m_state = nullptr;
    QPushButton *m_bid = nullptr;
    int m_daysColumn = -1;
    bool m_online = true;
};

// 成交: the listings dealt and after (dealt, announced, signed, settled, certified) with the deal price and
// the winner, "Steps…" for the steps after the deal, and "Deal confirmation PDF…".
RecordListView *dealsView(ClientSession &session, QWidget *parent);

// 村干部登记: the town's register of its villages' cadres and their close relatives (WINNER_RELATED_TO_CADRE
// holds the deals' winners against it), the village shown by its name. Its names and ID numbers are
// need-to-know: the page is only for those who receive them, the town's clerks and reviewers (who keep it:
// new and edit) and the reviewers of a county or the city (who read it).
bool readsCadreRegister(const ClientSession &session);
RecordListView *cadreRegisterView(ClientSession &session, QWidget *parent);

// For tests: how the next step dialog or bid dialog is filled instead of shown.
void setNextListingStep(std::function<void(ListingStepDialog &)> fill);
void setNextBid(std::function<void(BidDialog &)> fill);

} // namespace sunshine::app
