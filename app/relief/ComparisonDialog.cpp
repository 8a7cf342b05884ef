#include "app/relief/ComparisonDialog.h"
#include "common/wire/ViewLogLimits.h"

#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/sync/ViewLog.h"
#include "common/core/Clock.h"
#include "common/core/IdCard.h"
#include "common/core/WorkingCalendar.h"
#include "common/io/TableFile.h"
#include "common/relief/CaseTypes.h"
#include "ui_ComparisonDialog.h"

#include <QHash>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

constexpr int kMaxDetailLength = 200;
constexpr int kMaxReasonLength = wire::kMaxViewReasonLength;

QString identificationType()
{
    return QString::fromUtf16(relief::IdentificationCaseType::kName);
}

// A header cell compared without spaces of any width.
QString headerKey(QString text)
{
    text.remove(u' ');
    text.remove(QChar(0x3000));
    return text.trimmed();
}

int columnOf(const QStringList &header, const QStringList &names)
{
    for (int c = 0; c < header.size(); ++c) {
        if (names.contains(headerKey(header.at(c))))
            return c;
    }
    return -1;
}

bool blankRow(const QStringList &cells)
{
    return std::all_of(cells.begin(), cells.end(), [](const QString &c) { return c.trimmed().isEmpty(); });
}

bool sameHit(const QJsonValue &hit, const QString &source, const QString &detail)
{
    const QJsonObject o = hit.toObject();
    return o.value(u"source"_s).toString() == source && o.value(u"detail"_s).toString() == detail;
}

} // namespace

ComparisonDialog::ComparisonDialog(ClientSession &session, QString place, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ComparisonDialog>())
    , m_session(session)
    , m_place(std::move(place))
{
    ui->setupUi(this);
    ui->hitsTable->setColumnCount(6);
    ui->hitsTable->setHorizontalHeaderLabels(
        {tr("Applicant"), tr("Village"), tr("Source"), tr("Detail"), tr("Status"), tr("Reason")});
    ui->hitsTable->horizontalHeader()->setStretchLastSection(true);
    ui->hitsTable->verticalHeader()->hide();
    ui->hitsTable->setEnabled(false);
    m_prompt = [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(
            this, tr("Reason of the query"),
            tr("Why do you view these comparison data? The query is logged with its reason (Art. 26)."),
            QLineEdit::Normal, QString(), &ok);
        return ok ? text : QString();
    };
    connect(ui->importButton, &QPushButton::clicked, this, &ComparisonDialog::chooseFile);
    connect(ui->showHitsButton, &QPushButton::clicked, this, [this] { showHits(); });
    connect(ui->clearButton, &QPushButton::clicked, this, &ComparisonDialog::clearCurrent);
    connect(ui->confirmButton, &QPushButton::clicked, this, &ComparisonDialog::confirmCurrent);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const bool allowed = canCompare();
    ui->importButton->setEnabled(allowed);
    ui->showHitsButton->setEnabled(allowed);
    ui->clearButton->setEnabled(false);
    ui->confirmButton->setEnabled(false);
    if (!allowed)
        setProblem(tr("The comparison is done by reviewers at county or city level."));
}

ComparisonDialog::~ComparisonDialog() = default;

bool ComparisonDialog::canCompare() const
{
    const UserInfo &user = m_session.user();
    return user.roles.contains(Role::Reviewer) &&
           (user.orgLevel == OrgLevel::City || user.orgLevel == OrgLevel::County);
}

QTableWidget *ComparisonDialog::hitsTable() const
{
    return ui->hitsTable;
}

QString ComparisonDialog::caseAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).caseId : QString();
}

int ComparisonDialog::hitIndexAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).index : -1;
}

QStringList ComparisonDialog::shownCases() const
{
    return m_shown;
}

QString ComparisonDialog::problem() const
{
    return ui->problemLabel->text();
}

QString ComparisonDialog::report() const
{
    return ui->reportEdit->toPlainText();
}

void ComparisonDialog::setProblem(const QString &text)
{
    ui->problemLabel->setText(text);
}

std::optional<QString> ComparisonDialog::sourceFromText(const QString &text)
{
    static const QList<QPair<QString, QString>> names{{u"车辆"_s, u"vehicles"_s},
                                                      {u"房产"_s, u"housing"_s},
                                                      {u"住房"_s, u"housing"_s},
                                                      {u"公积金"_s, u"provident-fund"_s},
                                                      {u"社保"_s, u"social-security"_s},
                                                      {u"其他"_s, u"other"_s},
                                                      {u"vehicles"_s, u"vehicles"_s},
                                                      {u"housing"_s, u"housing"_s},
                                                      {u"provident-fund"_s, u"provident-fund"_s},
                                                      {u"social-security"_s, u"social-security"_s},
                                                      {u"other"_s, u"other"_s}};
    const QString key = headerKey(text);
    for (const auto &n : names) {
        if (n.first == key)
            return n.second;
    }
    return std::nullopt;
}

void ComparisonDialog::chooseFile()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Import comparison results"), QString(),
                                                     tr("Tables (*.xlsx *.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

ComparisonDialog::ImportReport ComparisonDialog::importFile(const QString &path)
{
    ImportReport rep;
    if (!canCompare()) {
        rep.error = tr("The comparison is done by reviewers at county or city level.");
        showReport(rep);
        return rep;
    }
    const io::TableData table = io::readTable(path);
    if (!table.ok()) {
        rep.error = table.error;
        showReport(rep);
        return rep;
    }
    qsizetype header = 0;
    while (header < table.rows.size() && blankRow(table.rows.at(header)))
        ++header;
    if (header == table.rows.size()) {
        rep.error = tr("The file holds no table.");
        showReport(rep);
        return rep;
    }
    const QStringList names = table.rows.at(header);
    const int idCol = columnOf(names, {u"身份证号"_s, u"身份证号码"_s, u"公民身份号码"_s});
    const int sourceCol = columnOf(names, {u"比对来源"_s, u"来源"_s});
    const int detailCol =
        columnOf(names, {u"比对情况"_s, u"详情"_s, u"比对情况/详情"_s, u"比对详情"_s, u"比对情况／详情"_s});
    const QStringList missing = [&] {
        QStringList out;
        if (idCol < 0)
            out.append(u"身份证号"_s);
        if (sourceCol < 0)
            out.append(u"比对来源"_s);
        if (detailCol < 0)
            out.append(u"比对情况"_s);
        return out;
    }();
    if (!missing.isEmpty()) {
        rep.error = tr("Line %1 should name the columns; missing: %2.")
                        .arg(table.lineNumbers.value(header))
                        .arg(missing.join(u"、"_s));
        showReport(rep);
        return rep;
    }

    // The identification cases of the local data by applicant: open ones get hits; closed ones are named.
    QHash<QString, QStringList> openCases;
    QSet<QString> closedNumbers;
    QHash<QString, CachedRecord> byId;
    const QList<CachedRecord> cases = m_session.cache().records(identificationType());
    for (const CachedRecord &c : cases) {
        if (c.record.deleted)
            continue;
        const QString number = c.record.fields.value(u"applicantIdNumber"_s).toString().trimmed().toUpper();
        const relief::CaseState state =
            relief::caseState(relief::CaseKind::Identification,
                              relief::stepsFromJson(c.record.fields.value(u"steps"_s).toArray()));
        if (state.finished || state.refused) {
            closedNumbers.insert(number);
            continue;
        }
        openCases[number].append(c.record.id);
        byId.insert(c.record.id, c);
    }

    const QDate today = chinaDateOf(m_session.clock().nowMs());
    QHash<QString, QJsonArray> working;
    QStringList order; // cases in the order they first get a new hit
    for (qsizetype r = header + 1; r < table.rows.size(); ++r) {
        const QStringList cells = table.rows.at(r);
        if (blankRow(cells))
            continue;
        ++rep.rows;
        const int line = table.lineNumbers.value(r);
        const auto cell = [&cells](int c) {
            return c < cells.size() ? cells.at(c).trimmed() : QString();
        };
        const QString idText = cell(idCol);
        if (idText.isEmpty()) {
            rep.malformed.append({line, tr("no ID number")});
            continue;
        }
        const IdCard card = IdCard::parse(idText, today);
        if (!card.isValid()) {
            rep.malformed.append(
                {line, tr("the ID number is not valid: %1").arg(IdCard::errorMessage(card.error()))});
            continue;
        }
        const std::optional<QString> source = sourceFromText(cell(sourceCol));
        if (!source) {
            rep.malformed.append(
                {line,
                 tr("unknown source “%1” (车辆, 房产, 公积金, 社保 or 其他)").arg(cell(sourceCol).left(20))});
            continue;
        }
        const QString detail = cell(detailCol);
        if (detail.isEmpty()) {
            rep.malformed.append({line, tr("no detail of the hit")});
            continue;
        }
        if (detail.size() > kMaxDetailLength) {
            rep.malformed.append({line, tr("the detail is longer than %1 characters").arg(kMaxDetailLength)});
            continue;
        }
        const QStringList ids = openCases.value(card.number());
        if (ids.isEmpty()) {
            rep.unmatched.append(
                {line,
                 closedNumbers.contains(card.number())
                     ? tr("the case of ID number %1 is already closed").arg(IdCard::masked(card.number()))
                     : tr("no identification case with ID number %1").arg(IdCard::masked(card.number()))});
            continue;
        }
        for (const QString &id : ids) {
            if (!working.contains(id))
                working.insert(id, byId.value(id).record.fields.value(u"hits"_s).toArray());
            QJsonArray &hits = working[id];
            if (std::any_of(hits.begin(), hits.end(),
                            [&](const QJsonValue &h) { return sameHit(h, *source, detail); })) {
                ++rep.duplicates;
                continue;
            }
            hits.append(QJsonObject{{u"source"_s, *source}, {u"detail"_s, detail}, {u"status"_s, u"open"_s}});
            ++rep.hitsAdded;
            if (!order.contains(id))
                order.append(id);
        }
    }

    QStringList saveErrors;
    for (const QString &id : std::as_const(order)) {
        QString error;
        const CachedRecord &c = byId[id];
        if (saveHits(c, working.value(id), &error))
            ++rep.casesChanged;
        else
            saveErrors.append(tr("The hits of %1 were not saved: %2")
                                  .arg(c.record.fields.value(u"applicantName"_s).toString(), error));
    }
    if (!saveErrors.isEmpty())
        rep.error = saveErrors.join(u'\n');
    showReport(rep);
    if (hitsShown())
        reloadHits();
    return rep;
}

void ComparisonDialog::showReport(const ImportReport &rep)
{
    QStringList lines;
    if (!rep.error.isEmpty())
        lines.append(rep.error);
    if (rep.rows > 0 || rep.error.isEmpty()) {
        lines.append(tr("Rows read: %1. New hits: %2 in %3 cases. Already recorded: %4.")
                         .arg(rep.rows)
                         .arg(rep.hitsAdded)
                         .arg(rep.casesChanged)
                         .arg(rep.duplicates));
    }
    if (!rep.unmatched.isEmpty()) {
        lines.append(tr("Rows that match no open case: %1").arg(rep.unmatched.size()));
        for (const RowProblem &p : rep.unmatched)
            lines.append(tr("  line %1: %2").arg(p.line).arg(p.reason));
    }
    if (!rep.malformed.isEmpty()) {
        lines.append(tr("Rows that cannot be read: %1").arg(rep.malformed.size()));
        for (const RowProblem &p : rep.malformed)
            lines.append(tr("  line %1: %2").arg(p.line).arg(p.reason));
    }
    ui->reportEdit->setPlainText(lines.join(u'\n'));
}

bool ComparisonDialog::showHits()
{
    if (!canCompare())
        return false;
    if (m_reason.isEmpty()) {
        const QString reason = m_prompt ? m_prompt().trimmed() : QString();
        if (reason.isEmpty()) {
            setProblem(tr("The hits are shown only with the reason of the query (Art. 26)."));
            return false;
        }
        if (reason.size() > ViewLog::kMaxReasonLength) {
            setProblem(tr("The reason may have at most %1 characters.").arg(ViewLog::kMaxReasonLength));
            return false;
        }
        m_reason = reason;
    }
    setProblem({});
    reloadHits();
    return true;
}

void ComparisonDialog::reloadHits()
{
    if (m_reason.isEmpty())
        return;
    QList<CachedRecord> cases = m_session.cache().records(identificationType());
    cases.removeIf([this](const CachedRecord &c) {
        return c.record.deleted || (!m_place.isEmpty() && c.record.orgUnitId != m_place) ||
               c.record.fields.value(u"hits"_s).toArray().isEmpty();
    });
    QHash<QString, QString> villages;
    for (const CachedRecord &c : std::as_const(cases))
        villages.insert(c.record.id, m_session.orgUnitName(c.record.orgUnitId));
    std::sort(cases.begin(), cases.end(), [&villages](const CachedRecord &a, const CachedRecord &b) {
        const auto key = [&villages](const CachedRecord &c) {
            return std::make_tuple(villages.value(c.record.id),
                                   c.record.fields.value(u"applicantName"_s).toString(), c.record.id);
        };
        return key(a) < key(b);
    });

    m_shown.clear();
    for (const CachedRecord &c : std::as_const(cases))
        m_shown.append(c.record.id);
    // Logged (queued in the cache) before anything is shown.
    QList<ViewLog::Entry> views;
    const qint64 now = m_session.clock().nowMs();
    for (const QString &id : std::as_const(m_shown)) {
        if (!m_logged.contains(id))
            views.append({u"comparison"_s, id, m_reason, now});
    }
    QString error;
    if (!views.isEmpty() && !ViewLog::of(m_session).record(views, &error)) {
        setProblem(tr("The query could not be logged: %1").arg(error));
        m_shown.clear();
        m_rows.clear();
        ui->hitsTable->setRowCount(0);
        return;
    }
    for (const ViewLog::Entry &v : std::as_const(views))
        m_logged.insert(v.recordId);

    m_rows.clear();
    QList<QStringList> cells;
    QList<QString> statuses;
    for (const CachedRecord &c : std::as_const(cases)) {
        const QList<relief::ComparisonHit> hits =
            relief::hitsFromJson(c.record.fields.value(u"hits"_s).toArray());
        for (int i = 0; i < hits.size(); ++i) {
            const relief::ComparisonHit &h = hits.at(i);
            const QString status = h.status == u"cleared"_s     ? tr("Cleared")
                                   : h.status == u"confirmed"_s ? tr("Confirmed")
                                                                : tr("Open");
            m_rows.append({c.record.id, i});
            statuses.append(h.status);
            cells.append({c.record.fields.value(u"applicantName"_s).toString(), villages.value(c.record.id),
                          relief::comparisonSourceChinese(h.source), h.detail, status, h.reason});
        }
    }
    ui->hitsTable->setRowCount(int(cells.size()));
    for (int r = 0; r < cells.size(); ++r) {
        for (int col = 0; col < cells.at(r).size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(r).at(col));
            if (statuses.at(r) == u"open"_s)
                item->setBackground(QColor(0xff, 0xf0, 0xc2));
            ui->hitsTable->setItem(r, col, item);
        }
    }
    ui->hitsTable->resizeColumnsToContents();
    ui->hitsTable->setEnabled(true);
    ui->clearButton->setEnabled(true);
    ui->confirmButton->setEnabled(true);
}

bool ComparisonDialog::saveHits(const CachedRecord &rec, const QJsonArray &hits, QString *error)
{
    const sync::RecordType *type = sync::RecordTypes::find(rec.record.type);
    const qint64 now = m_session.clock().nowMs();
    if (type) {
        // The rules the server applies (hits are never removed, a cleared one has its reason), checked here
        // so the reviewer hears of a problem at once, online or not.
        QJsonObject after = rec.record.fields;
        after.insert(u"hits"_s, hits);
        sync::Placement place;
        place.orgUnitId = rec.record.orgUnitId;
        place.departmentId = rec.record.departmentId;
        place.orgLevel = OrgLevel::Village;
        if (const std::optional<OrgUnit> unit = m_session.orgUnit(rec.record.orgUnitId)) {
            place.orgPath = unit->path;
            place.orgLevel = unit->level;
        }
        sync::RuleContext context;
        context.nowMs = now;
        context.today = chinaDateOf(now);
        context.calendar = &WorkingCalendar::current();
        context.before = &rec.record.fields;
        std::optional<sync::FieldProblem> problem = type->checkField(u"hits"_s, hits);
        if (!problem)
            problem = type->checkRecord(rec.record.id, after, place, context);
        if (problem) {
            *error = problem->message;
            return false;
        }
    }
    LocalCache::Change change;
    change.type = rec.record.type;
    change.recordId = rec.record.id;
    change.orgUnitId = rec.record.orgUnitId;
    change.departmentId = rec.record.departmentId;
    change.changedFields = {{u"hits"_s, hits}};
    return !m_session.cache().save(change, now, error).isEmpty();
}

bool ComparisonDialog::setStatus(int row, const QString &status, const QString &reason)
{
    if (!canCompare() || !hitsShown())
        return false;
    if (row < 0 || row >= m_rows.size()) {
        setProblem(tr("Choose a hit first."));
        return false;
    }
    const Row where = m_rows.at(row);
    const std::optional<CachedRecord> rec = m_session.cache().record(where.caseId);
    QJsonArray hits = rec ? rec->record.fields.value(u"hits"_s).toArray() : QJsonArray();
    if (where.index >= hits.size()) {
        setProblem(tr("The case is no longer in the local data."));
        return false;
    }
    QJsonObject hit = hits.at(where.index).toObject();
    if (hit.value(u"status"_s).toString() != u"open"_s) {
        setProblem(tr("Only open hits can be cleared or confirmed."));
        return false;
    }
    hit.insert(u"status"_s, status);
    if (!reason.isEmpty())
        hit.insert(u"reason"_s, reason);
    hits.replace(where.index, hit);
    QString error;
    if (!saveHits(*rec, hits, &error)) {
        setProblem(tr("Could not save: %1").arg(error));
        return false;
    }
    setProblem({});
    reloadHits();
    return true;
}

bool ComparisonDialog::clearHit(int row, const QString &reason)
{
    const QString why = reason.trimmed();
    if (why.isEmpty()) {
        setProblem(tr("Give the reason why the hit is cleared."));
        return false;
    }
    if (why.size() > kMaxReasonLength) {
        setProblem(tr("The reason may have at most %1 characters.").arg(kMaxReasonLength));
        return false;
    }
    return setStatus(row, u"cleared"_s, why);
}

bool ComparisonDialog::confirmHit(int row)
{
    return setStatus(row, u"confirmed"_s, QString());
}

void ComparisonDialog::clearCurrent()
{
    const int row = ui->hitsTable->currentRow();
    if (row < 0) {
        setProblem(tr("Choose a hit first."));
        return;
    }
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Clear hit"), tr("Why is this hit no obstacle (e.g. the vehicle was scrapped)?"),
        QLineEdit::Normal, QString(), &ok);
    if (ok)
        clearHit(row, reason);
}

void ComparisonDialog::confirmCurrent()
{
    const int row = ui->hitsTable->currentRow();
    if (row < 0) {
        setProblem(tr("Choose a hit first."));
        return;
    }
    if (MessageBox::question(this, tr("Confirm hit"),
                             tr("Confirm this hit? The case can then only be returned, not approved.")) ==
        QMessageBox::Yes)
        confirmHit(row);
}

} // namespace sunshine::app
