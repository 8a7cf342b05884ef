#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace sunshine::app {

class ClientSession;
class RecordListView;
class CardStepDialog;
class ClaimTransactionsDialog;

// The village card's lists: the cards, the spend requests with their approval, the claims with their checks
// and the transactions they cover.
RecordListView *cardsView(ClientSession &session, QWidget *parent);
RecordListView *requestsView(ClientSession &session, QWidget *parent);
RecordListView *claimsView(ClientSession &session, QWidget *parent);
// The counties' approval tiers (one record per county), set by the county's reviewers and administrators.
RecordListView *tiersView(ClientSession &session, QWidget *parent);

// The text a card reference shows in a list ("赵书记（书记）尾号 4101").
void showCardLabels(ClientSession &session, RecordListView &view);

// For tests: how the next step dialog or claim dialog is filled instead of shown.
void setNextCardStep(std::function<void(CardStepDialog &)> fill);
void setNextClaimTransactions(std::function<void(ClaimTransactionsDialog &)> fill);

} // namespace sunshine::app
