#pragma once

#include "common/core/Quarter.h"

#include <QList>
#include <QString>
#include <QWidget>

namespace sunshine::app {

class ClientSession;
class RecordListView;

// 财务公开: the villages' quarterly disclosures. Clerks generate one from the books in the cache
// (collective::buildDisclosure) for a village and an ended quarter, saved as a collective-disclosure record
// as any form saves it (checked with the type's rules, then to the cache and its outbox); they record the
// finance group's check and the posting with Edit. Any disclosure prints to an A4 PDF for the notice board.
class DisclosureView : public QWidget
{
    Q_OBJECT
public:
    explicit DisclosureView(ClientSession &session, QWidget *parent = nullptr);
    RecordListView *list() const { return m_list; }

    // The quarters a disclosure may be generated for: the last `count` that have ended, latest first.
    QList<Quarter> endedQuarters(int count = 8) const;
    // Builds the disclosure of a village for an ended quarter from the cache's records and saves it (a new
    // record, or the draft of that quarter regenerated); the record id, or empty with the reason.
    QString generate(const QString &villageId, const Quarter &quarter, QString *error);
    // Prints a disclosure record as an A4 PDF; false with the reason.
    bool exportPdf(const QString &recordId, const QString &path, QString *error) const;

public Q_SLOTS:
    // Asks for the village (users above village level) and the quarter, then generates.
    void askAndGenerate();
    // Asks where to save the disclosure chosen in the list as a PDF.
    void exportCurrent();

private:
    ClientSession &m_session;
    RecordListView *m_list = nullptr;
};

} // namespace sunshine::app
