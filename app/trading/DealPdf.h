#pragma once

#include <QString>

class QWidget;

namespace sunshine::app {

class ClientSession;

// The deal confirmation (成交确认书) of a listing dealt (or after: announced, signed, settled, certified),
// from the listing and the winner's registration in the cache: what was let, by whom to whom, how it was
// decided (bidding or open negotiation), the price per year and over the term, the deposit, and the lines
// the parties and the centre sign. Printed as an A4 PDF (writePdf).

// The confirmation as HTML; empty with the reason when the listing is not here or has no deal.
QString dealConfirmationHtml(ClientSession &session, const QString &listingId, QString *error);
// Writes it to `path`; false with the reason.
bool writeDealPdf(ClientSession &session, const QString &listingId, const QString &path, QString *error);
// Asks where to save the confirmation of a listing (FileDialog), writes it and tells how it went.
void exportDealPdf(ClientSession &session, const QString &listingId, QWidget *parent);

} // namespace sunshine::app
