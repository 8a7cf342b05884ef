#pragma once

class QWidget;

namespace sunshine::app {

class ClientSession;
class RecordListView;

// A village collective's books (集体三资) as lists over the cache, each a RecordListView named for tests
// ("ledgerBooks", "ledgerEntries", …).

// 日记账: the journals above and their entries below: those of the journal chosen, or all of them.
QWidget *journalsView(ClientSession &session, QWidget *parent);
RecordListView *booksView(ClientSession &session, QWidget *parent);
// The entries with the balance after each, which the server computes: blank until the entry is synced.
RecordListView *entriesView(ClientSession &session, QWidget *parent);
// 现金日结月结.
RecordListView *cashClosesView(ClientSession &session, QWidget *parent);
// 资产台账, with each asset's net value today (straight-line depreciation, collective::netValue).
RecordListView *assetsView(ClientSession &session, QWidget *parent);
RecordListView *resourcesView(ClientSession &session, QWidget *parent);
RecordListView *contractsView(ClientSession &session, QWidget *parent);
// 租金指导价: the towns' reference rents (one record per town, kind and year).
RecordListView *rentReferencesView(ClientSession &session, QWidget *parent);
// The counties' own cash limit and trading threshold (one record per county, set by its reviewers).
RecordListView *countySettingsView(ClientSession &session, QWidget *parent);

// Journals named by their account and kind in a list's "bookId" column.
void showBookLabels(ClientSession &session, RecordListView &view);

} // namespace sunshine::app
