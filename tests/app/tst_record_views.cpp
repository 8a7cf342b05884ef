// The generic record table, form and dialog every module tab is built from, over a cache of 20,000 records of
// a test type with every field kind: lazy paging, sorting, search and filters against expectations computed
// here, masking, display, typed form values, validation beside the field, and saving to the outbox.
#include "app/contacts/ContactsModel.h"
#include "app/net/ApiClient.h"
#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/records/RecordTableModel.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/sync/LocalCache.h"
#include "common/core/Clock.h"
#include "common/core/IdCard.h"
#include "common/core/Money.h"
#include "common/io/TableFile.h"
#include "common/sync/RecordType.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;
using sync::FieldKind;
using sync::FieldSpec;

namespace {

const QString kType = u"test-everything"_s;

// A record type with every field kind, for these tests only.
class EverythingType final : public sync::RecordType
{
public:
    explicit EverythingType(QString name = kType)
        : RecordType(std::move(name), u"测试记录"_s)
    {}
    QList<FieldSpec> fields() const override
    {
        return {
            FieldSpec(u"name"_s, FieldKind::Text, u"姓名"_s).max(40).require(),
            FieldSpec(u"note"_s, FieldKind::Text, u"备注"_s).max(200),
            FieldSpec(u"count"_s, FieldKind::Integer, u"人数"_s),
            FieldSpec(u"active"_s, FieldKind::Boolean, u"在册"_s),
            FieldSpec(u"born"_s, FieldKind::Date, u"出生日期"_s),
            FieldSpec(u"kind"_s, FieldKind::Choice, u"类别"_s)
                .options({u"poor"_s, u"脱贫户"_s, u"edge"_s, u"边缘户"_s, u"other"_s, u"其他"_s})
                .require(),
            FieldSpec(u"phone"_s, FieldKind::Phone, u"联系电话"_s).personalData(),
            FieldSpec(u"mobile"_s, FieldKind::Mobile, u"手机号"_s).personalData(),
            FieldSpec(u"files"_s, FieldKind::Attachments, u"附件"_s).max(5),
            FieldSpec(u"amount"_s, FieldKind::Money, u"补助金额"_s),
            FieldSpec(u"idNumber"_s, FieldKind::IdNumber, u"身份证号"_s).personalData(),
            FieldSpec(u"ratio"_s, FieldKind::Number, u"纬度"_s),
            FieldSpec(u"householdId"_s, FieldKind::Reference, u"所属户"_s).references(u"test-household"_s),
            FieldSpec(u"steps"_s, FieldKind::StepList, u"办理记录"_s).max(10),
            FieldSpec(u"status"_s, FieldKind::Text, u"状态"_s).max(20).derived()};
    }
    std::optional<QString> writeDenied(const Scope &, const sync::Placement &) const override
    {
        return std::nullopt;
    }

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &, const QJsonObject &f,
                                                 const sync::Placement &,
                                                 const sync::RuleContext &) const override
    {
        if (f.value(u"kind"_s).toString() == u"other"_s && !f.contains(u"note"_s))
            return sync::FieldProblem{u"VALIDATION_FAILED"_s, u"类别为“其他”时须填写备注"_s, u"note"_s};
        if (f.value(u"amount"_s).toInteger() > 100'000'000)
            return sync::FieldProblem{u"VALIDATION_FAILED"_s, u"补助金额不能超过 100 万元"_s, u"amount"_s};
        return std::nullopt;
    }
};

// What the test put in the cache, to compute expectations from.
struct Rec
{
    QString id;
    QString name;
    QString note;
    std::optional<qint64> count;
    bool active = false;
    QString born;
    QString kind;
    QString phone;
    QString mobile;
    std::optional<qint64> amount;
    QString idNumber;
    double ratio = 0;
    QString householdId;
    QString orgUnit;
    qint64 updatedAt = 0;
    bool deleted = false;
    bool late = false;
};

QString validIdNumber(int i)
{
    const QString first17 =
        u"320612"_s + u"19%1"_s.arg(50 + i % 50) + u"%1"_s.arg(1 + i % 12, 2, 10, QChar(u'0')) +
        u"%1"_s.arg(1 + i % 28, 2, 10, QChar(u'0')) + u"%1"_s.arg(i % 1000, 3, 10, QChar(u'0'));
    return first17 + IdCard::checkCharacter(first17);
}

// A value as SQLite orders it: NULL, then numbers, then text.
struct SortKey
{
    int cls = 0; // 0 null, 1 number, 2 text
    double number = 0;
    QString text;
};

int compareKeys(const SortKey &a, const SortKey &b)
{
    if (a.cls != b.cls)
        return a.cls < b.cls ? -1 : 1;
    if (a.cls == 1)
        return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    if (a.cls == 2)
        return a.text.compare(b.text);
    return 0;
}

SortKey keyOf(const Rec &r, const QString &column)
{
    auto text = [](const QString &s) {
        return s.isEmpty() ? SortKey{} : SortKey{2, 0, s};
    };
    auto num = [](std::optional<qint64> v) {
        return v ? SortKey{1, double(*v), {}} : SortKey{};
    };
    if (column == u"name"_s)
        return text(r.name);
    if (column == u"note"_s)
        return text(r.note);
    if (column == u"count"_s)
        return num(r.count);
    if (column == u"amount"_s)
        return num(r.amount);
    if (column == u"born"_s)
        return text(r.born);
    if (column == u"kind"_s)
        return text(r.kind);
    if (column == u"active"_s)
        return SortKey{1, r.active ? 1.0 : 0.0, {}};
    if (column == u"ratio"_s)
        return SortKey{1, r.ratio, {}};
    if (column == u"@updatedAt"_s)
        return SortKey{1, double(r.updatedAt), {}};
    if (column == u"@orgUnit"_s)
        return text(r.orgUnit);
    return {};
}

QStringList sortedIds(QList<Rec> recs, const QString &column, Qt::SortOrder order)
{
    std::sort(recs.begin(), recs.end(), [&](const Rec &a, const Rec &b) {
        int c = column.isEmpty() ? 0 : compareKeys(keyOf(a, column), keyOf(b, column));
        if (c == 0)
            c = a.id.compare(b.id);
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    QStringList out;
    for (const Rec &r : std::as_const(recs))
        out.append(r.id);
    return out;
}

// The default order: as the records came into the cache.
QStringList cacheOrder(const QList<Rec> &recs)
{
    QStringList out;
    for (const Rec &r : recs)
        out.append(r.id);
    return out;
}

void fetchAll(RecordTableModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}

QStringList loadedIds(const RecordTableModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.recordIdAt(r));
    return out;
}

QSet<QString> idSet(const QList<Rec> &recs)
{
    QSet<QString> out;
    for (const Rec &r : recs)
        out.insert(r.id);
    return out;
}

QSet<QString> idSet(const QStringList &ids)
{
    return QSet<QString>(ids.begin(), ids.end());
}

// Leaves a line edit as the clerk does: types the text, then tabs away.
void typeInto(QWidget *w, const QString &text)
{
    auto *line = qobject_cast<QLineEdit *>(w);
    QVERIFY(line);
    line->setText(text);
    Q_EMIT line->textEdited(text);
    Q_EMIT line->editingFinished();
}

void choose(QWidget *w, const QString &value)
{
    auto *combo = qobject_cast<QComboBox *>(w);
    QVERIFY(combo);
    const int index = combo->findData(value);
    QVERIFY2(index >= 0, qPrintable(value));
    combo->setCurrentIndex(index);
}

} // namespace

class TestRecordViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lazyFetch();
    void sorting();
    void searching();
    void filtering();
    void display();
    void localChanges();
    void formValues();
    void formValidation();
    void formHiddenAndFixed();
    void dialogSavesNewRecord();
    void dialogSavesOnlyChanges();
    void dialogResendsReturnedChange();
    void exportThroughTheFileDialog();
    void contactsModel();

private:
    QList<Rec> live() const;
    QList<RecordColumn> columns() const;

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch()};
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<ClientSession> m_session;
    const sync::RecordType *m_type = nullptr;
    QList<Rec> m_recs;
    static constexpr int kRecords = 20000;
};

void TestRecordViews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    sync::RecordTypes::add(std::make_unique<EverythingType>());
    m_type = sync::RecordTypes::find(kType);
    QVERIFY(m_type);
    m_api = std::make_unique<ApiClient>();
    UserInfo user;
    user.id = u"u-1"_s;
    user.username = u"clerk"_s;
    user.orgUnitId = u"ou-1"_s;
    user.departmentId = u"dept-1"_s;
    m_session = std::make_unique<ClientSession>(*m_api, user, m_dir.filePath(u"clerk.sqlite"_s), m_clock);
    QString error;
    QVERIFY2(m_session->open(&error), qPrintable(error));

    sync::PullPage page;
    const QStringList kinds{u"poor"_s, u"edge"_s, u"other"_s};
    for (int i = 0; i < kRecords; ++i) {
        Rec r;
        // Ids in an order unrelated to i, so the id tie-breaker is seen.
        r.id = u"rec-%1"_s.arg((i * 7919) % kRecords, 6, 10, QChar(u'0'));
        if (i % 1000 == 0)
            r.name = u"百分之%1%户"_s.arg(i);
        else if (i % 1000 == 1)
            r.name = u"下划线_%1"_s.arg(i);
        else if (i % 10 == 2)
            r.name = (i % 20 == 2 ? u"ZHANG San%1"_s : u"zhang si%1"_s).arg(i % 37);
        else
            r.name = u"户主%1"_s.arg(i % 997);
        if (i % 3 == 0)
            r.note = u"备注 %1"_s.arg(i % 50);
        if (i % 11 != 0)
            r.count = i % 7;
        r.active = i % 2 == 0;
        r.born = QDate(1950, 1, 1).addDays(i * 3 % 20000).toString(Qt::ISODate);
        r.kind = kinds.at(i % 3);
        r.phone = u"0513-8%1"_s.arg(i, 7, 10, QChar(u'0'));
        r.mobile = u"138%1"_s.arg(i, 8, 10, QChar(u'0'));
        if (i % 13 != 0)
            r.amount = (qint64(i) * 12345) % 10'000'000;
        r.idNumber = validIdNumber(i);
        r.ratio = 32.0 + (i % 1000) / 1000.0;
        r.householdId = u"hh-%1"_s.arg(i / 4);
        r.orgUnit = u"ou-%1"_s.arg(i % 5);
        r.updatedAt = m_clock.nowMs() - qint64(i) * 60'000;
        r.deleted = i % 97 == 5;
        r.late = i % 500 == 7;
        m_recs.append(r);

        sync::Record rec;
        rec.id = r.id;
        rec.type = kType;
        rec.orgUnitId = r.orgUnit;
        rec.departmentId = u"dept-1"_s;
        rec.version = 1;
        rec.updatedAtMs = r.updatedAt;
        rec.updatedBy = u"u-9"_s;
        rec.deleted = r.deleted;
        rec.lateSynced = r.late;
        QJsonObject f{{u"name"_s, r.name},
                      {u"active"_s, r.active},
                      {u"born"_s, r.born},
                      {u"kind"_s, r.kind},
                      {u"phone"_s, r.phone},
                      {u"mobile"_s, r.mobile},
                      {u"idNumber"_s, r.idNumber},
                      {u"ratio"_s, r.ratio},
                      {u"householdId"_s, r.householdId},
                      {u"files"_s, QJsonArray{QString(64, u'a')}},
                      {u"status"_s, u"open"_s}};
        if (!r.note.isEmpty())
            f.insert(u"note"_s, r.note);
        if (r.count)
            f.insert(u"count"_s, *r.count);
        if (r.amount)
            f.insert(u"amount"_s, *r.amount);
        rec.fields = f;
        page.records.append(rec);
    }
    // A record of another type, never shown.
    sync::Record other;
    other.id = u"other-1"_s;
    other.type = u"department-contact"_s;
    other.orgUnitId = u"ou-1"_s;
    other.version = 1;
    other.fields = QJsonObject{{u"name"_s, u"zhang other"_s}};
    page.records.append(other);
    page.cursor = u"c1"_s;
    QVERIFY2(m_session->cache().applyPull(page, &error), qPrintable(error));
}

QList<Rec> TestRecordViews::live() const
{
    QList<Rec> out;
    for (const Rec &r : m_recs) {
        if (!r.deleted)
            out.append(r);
    }
    return out;
}

QList<RecordColumn> TestRecordViews::columns() const
{
    return {{u"name"_s, {}},
            {u"kind"_s, {}},
            {u"amount"_s, {}},
            {u"count"_s, {}},
            {u"active"_s, {}},
            {u"born"_s, {}},
            {u"idNumber"_s, {}},
            {u"mobile"_s, {}},
            {u"phone"_s, {}},
            {u"householdId"_s, {}},
            {u"ratio"_s, {}},
            {u"files"_s, {}},
            {u"note"_s, {}},
            {u"@state"_s, {}},
            {u"@updatedAt"_s, {}},
            {u"@orgUnit"_s, {}},
            {u"@lateSynced"_s, u"迟报"_s}};
}

void TestRecordViews::lazyFetch()
{
    RecordTableModel model(m_session->cache(), *m_type, columns());
    const QList<Rec> expected = live();
    QCOMPARE(model.totalCount(), qint64(expected.size()));
    QCOMPARE(model.rowCount(), RecordTableModel::kPageSize);
    QCOMPARE(model.columnCount(), 17);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * RecordTableModel::kPageSize);
    fetchAll(model);
    QCOMPARE(model.rowCount(), int(expected.size()));
    QVERIFY(!model.canFetchMore({}));
    // The default order: as the records came into the cache.
    QCOMPARE(loadedIds(model), cacheOrder(expected));

    // After a new sort or filter: one page again. reload() keeps what was loaded.
    model.sort(0, Qt::AscendingOrder);
    QCOMPARE(model.rowCount(), RecordTableModel::kPageSize);
    model.fetchMore({});
    model.fetchMore({});
    model.reload();
    QCOMPARE(model.rowCount(), 3 * RecordTableModel::kPageSize);
    model.setSearchFields({u"name"_s});
    model.setSearch(u"zhang"_s);
    QCOMPARE(model.rowCount(), RecordTableModel::kPageSize);
    QVERIFY(model.canFetchMore({}));

    // Under the model tester while fetching to the end (of one org unit's records: the tester's checks grow
    // with the rows loaded).
    RecordTableModel tested(m_session->cache(), *m_type, columns());
    QAbstractItemModelTester tester(&tested, QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false); // the test fetches; the 6.4 tester cannot nest a synchronous fetch
    tested.setOrgUnits({u"ou-1"_s});
    QList<Rec> ofUnit;
    for (const Rec &r : expected) {
        if (r.orgUnit == u"ou-1"_s)
            ofUnit.append(r);
    }
    QCOMPARE(tested.totalCount(), qint64(ofUnit.size()));
    fetchAll(tested);
    QCOMPARE(loadedIds(tested), cacheOrder(ofUnit));
    QVERIFY(!tested.canFetchMore({}));
}

void TestRecordViews::sorting()
{
    RecordTableModel model(m_session->cache(), *m_type, columns());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false); // the test fetches; the 6.4 tester cannot nest a synchronous fetch
    const QList<Rec> expected = live();
    // Text with many equal values (the id breaks ties), numbers with absent values (first when ascending,
    // last when descending), dates, envelope columns. The first four are read to the end, the others for
    // three pages.
    struct Sort
    {
        QString key;
        Qt::SortOrder order;
        bool toTheEnd;
    };
    const QList<Sort> sorts{
        {u"name"_s, Qt::AscendingOrder, true},       {u"name"_s, Qt::DescendingOrder, true},
        {u"amount"_s, Qt::AscendingOrder, true},     {u"count"_s, Qt::DescendingOrder, true},
        {u"amount"_s, Qt::DescendingOrder, false},   {u"born"_s, Qt::AscendingOrder, false},
        {u"ratio"_s, Qt::DescendingOrder, false},    {u"@updatedAt"_s, Qt::AscendingOrder, false},
        {u"@orgUnit"_s, Qt::DescendingOrder, false}, {u"kind"_s, Qt::AscendingOrder, false},
        {u"active"_s, Qt::DescendingOrder, false}};
    // Read to the end without the tester, whose checks grow with the rows loaded.
    RecordTableModel plain(m_session->cache(), *m_type, columns());
    for (const Sort &s : sorts) {
        RecordTableModel &m = s.toTheEnd ? plain : model;
        const int column = m.columnOf(s.key);
        QVERIFY(column >= 0);
        m.sort(column, s.order);
        QCOMPARE(m.sortColumn(), column);
        QCOMPARE(m.sortOrder(), s.order);
        if (s.toTheEnd) {
            fetchAll(m);
        } else {
            QCOMPARE(m.rowCount(), RecordTableModel::kPageSize);
            m.fetchMore({});
            m.fetchMore({});
        }
        const QStringList want = sortedIds(expected, s.key, s.order);
        const QStringList got = loadedIds(m);
        QCOMPARE(got.size(), s.toTheEnd ? want.size() : qsizetype(3 * RecordTableModel::kPageSize));
        for (int i = 0; i < got.size(); ++i) {
            if (got.at(i) != want.at(i))
                QFAIL(qPrintable(u"sorted by %1 (%2): row %3 is %4, expected %5"_s.arg(s.key)
                                     .arg(int(s.order))
                                     .arg(i)
                                     .arg(got.at(i), want.at(i))));
        }
    }
    // Numbers sort as numbers: 9.00 yuan before 10.00 yuan.
    plain.sort(plain.columnOf(u"amount"_s), Qt::AscendingOrder);
    fetchAll(plain);
    qint64 previous = -1;
    for (int r = 0; r < plain.rowCount(); ++r) {
        const QVariant v = plain.index(r, plain.columnOf(u"amount"_s)).data(RecordTableModel::RawValueRole);
        if (!v.isValid())
            continue;
        QVERIFY(v.toLongLong() >= previous);
        previous = v.toLongLong();
    }
    model.sort(-1);
    QCOMPARE(loadedIds(model).first(), cacheOrder(expected).first());
}

void TestRecordViews::searching()
{
    RecordTableModel model(m_session->cache(), *m_type, columns());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false); // the test fetches; the 6.4 tester cannot nest a synchronous fetch
    model.setSearchFields({u"name"_s, u"note"_s, u"kind"_s, u"idNumber"_s, u"mobile"_s});
    const QList<Rec> all = live();
    auto matching = [&](auto pred) {
        QList<Rec> out;
        for (const Rec &r : all) {
            if (pred(r))
                out.append(r);
        }
        return out;
    };
    auto check = [&](const QString &text, const QList<Rec> &want) {
        model.setSearch(text);
        QCOMPARE(model.totalCount(), qint64(want.size()));
        fetchAll(model);
        QCOMPARE(idSet(loadedIds(model)), idSet(want));
    };

    // Case-insensitive, in any search field.
    const QList<Rec> zhang =
        matching([](const Rec &r) { return r.name.contains(u"zhang"_s, Qt::CaseInsensitive); });
    QVERIFY(zhang.size() > 500);
    check(u"ZhAnG"_s, zhang);
    // With a sort: the same rows in the sort's order.
    model.sort(model.columnOf(u"name"_s), Qt::DescendingOrder);
    fetchAll(model);
    QCOMPARE(loadedIds(model), sortedIds(zhang, u"name"_s, Qt::DescendingOrder));
    model.sort(-1);
    check(u"备注 7"_s, matching([](const Rec &r) { return r.note.contains(u"备注 7"_s); }));
    // % and _ are literal characters, not wildcards.
    check(u"%"_s, matching([](const Rec &r) { return r.name.contains(u'%'); }));
    check(u"_"_s, matching([](const Rec &r) { return r.name.contains(u'_'); }));
    QCOMPARE(model.totalCount(), qint64(kRecords / 1000));
    // A choice is found by its Chinese label.
    check(u"边缘"_s, matching([](const Rec &r) { return r.kind == u"edge"_s; }));
    // Quotes are data, never SQL.
    check(u"' OR 1=1 --"_s, {});
    // Masked personal fields match only their whole value: digits cannot be probed.
    const Rec target = all.at(1234);
    check(target.idNumber.left(10), {});
    check(target.idNumber, matching([&](const Rec &r) { return r.idNumber == target.idNumber; }));
    check(target.mobile, {target});
    // Shown in full: any part of them.
    model.setShowPersonal(true);
    auto anywhere = [&](const QString &text) {
        return matching([&](const Rec &r) {
            return r.name.contains(text, Qt::CaseInsensitive) || r.note.contains(text, Qt::CaseInsensitive) ||
                   r.idNumber.contains(text, Qt::CaseInsensitive) || r.mobile.contains(text);
        });
    };
    check(target.idNumber.left(10), anywhere(target.idNumber.left(10)));
    QVERIFY(model.totalCount() > 1);
    check(u"13800001"_s, anywhere(u"13800001"_s));
    QVERIFY(model.totalCount() > 1);
    model.setShowPersonal(false);
    model.setSearch({});
    QCOMPARE(model.totalCount(), qint64(all.size()));
    QCOMPARE(model.rowCount(), RecordTableModel::kPageSize);
}

void TestRecordViews::filtering()
{
    RecordTableModel model(m_session->cache(), *m_type, columns());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false); // the test fetches; the 6.4 tester cannot nest a synchronous fetch
    const QList<Rec> all = live();
    auto check = [&](const std::function<bool(const Rec &)> &pred) {
        QList<Rec> want;
        for (const Rec &r : all) {
            if (pred(r))
                want.append(r);
        }
        QCOMPARE(model.totalCount(), qint64(want.size()));
        fetchAll(model);
        QCOMPARE(loadedIds(model), cacheOrder(want));
    };
    model.setEquals(u"householdId"_s, u"hh-10"_s);
    check([](const Rec &r) { return r.householdId == u"hh-10"_s; });
    QCOMPARE(model.rowCount(), 4);
    model.setEquals(u"householdId"_s, QString());
    model.setEquals(u"active"_s, true);
    model.setEquals(u"kind"_s, u"poor"_s);
    check([](const Rec &r) { return r.active && r.kind == u"poor"_s; });
    model.setEquals(u"count"_s, 3);
    check([](const Rec &r) { return r.active && r.kind == u"poor"_s && r.count == 3; });
    model.clearEquals();
    model.setOrgUnits({u"ou-1"_s, u"ou-3"_s});
    check([](const Rec &r) { return r.orgUnit == u"ou-1"_s || r.orgUnit == u"ou-3"_s; });
    model.setEquals(u"@lateSynced"_s, true);
    check([](const Rec &r) { return r.late && (r.orgUnit == u"ou-1"_s || r.orgUnit == u"ou-3"_s); });
    model.setEquals(u"@lateSynced"_s, QVariant());
    // Filters, search and sort together.
    model.setOrgUnits({u"ou-2"_s, u"ou-3"_s});
    model.setSearchFields({u"name"_s});
    model.setSearch(u"zhang"_s);
    model.setEquals(u"active"_s, true);
    const int amount = model.columnOf(u"amount"_s);
    model.sort(amount, Qt::DescendingOrder);
    QList<Rec> want;
    for (const Rec &r : all) {
        if ((r.orgUnit == u"ou-2"_s || r.orgUnit == u"ou-3"_s) && r.active &&
            r.name.contains(u"zhang"_s, Qt::CaseInsensitive))
            want.append(r);
    }
    QVERIFY(!want.isEmpty());
    fetchAll(model);
    QCOMPARE(loadedIds(model), sortedIds(want, u"amount"_s, Qt::DescendingOrder));
    // reload() keeps all of it.
    model.reload();
    fetchAll(model);
    QCOMPARE(loadedIds(model), sortedIds(want, u"amount"_s, Qt::DescendingOrder));
    QCOMPARE(model.sortColumn(), amount);
    // A quoted value is data, never SQL.
    model.setSearch({});
    model.setEquals(u"householdId"_s, u"x' OR '1'='1"_s);
    QCOMPARE(model.totalCount(), Q_INT64_C(0));
    QCOMPARE(model.rowCount(), 0);
    model.setOrgUnits({});
    model.clearEquals();
    QCOMPARE(model.totalCount(), qint64(all.size()));
}

void TestRecordViews::display()
{
    RecordTableModel model(m_session->cache(), *m_type, columns());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false); // the test fetches; the 6.4 tester cannot nest a synchronous fetch
    // Record 1234 (a live one) alone: its household is hh-308.
    const Rec r = m_recs.at(1234);
    QVERIFY(!r.deleted && r.amount && r.count);
    model.setEquals(u"householdId"_s, r.householdId);
    const int row = model.rowOf(r.id);
    QVERIFY(row >= 0);
    auto cell = [&](const QString &key, int role = Qt::DisplayRole) {
        return model.index(row, model.columnOf(key)).data(role);
    };
    QCOMPARE(cell(u"name"_s).toString(), r.name);
    QCOMPARE(cell(u"amount"_s).toString(), money::formatYuan(*r.amount));
    QCOMPARE(cell(u"amount"_s, RecordTableModel::RawValueRole).toLongLong(), *r.amount);
    QCOMPARE(cell(u"amount"_s, Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(cell(u"kind"_s).toString(), u"边缘户"_s); // 1234 % 3 == 1: "edge"
    QCOMPARE(cell(u"count"_s).toString(), QString::number(*r.count));
    QCOMPARE(cell(u"active"_s).toString(), r.active ? u"Yes"_s : u"No"_s);
    QCOMPARE(cell(u"active"_s, RecordTableModel::RawValueRole).toBool(), r.active);
    QCOMPARE(cell(u"born"_s).toString(), r.born);
    QCOMPARE(cell(u"ratio"_s, RecordTableModel::RawValueRole).toDouble(), r.ratio);
    QCOMPARE(cell(u"files"_s).toString(), u"1 file(s)"_s);
    QCOMPARE(cell(u"@state"_s).toString(), u"Synced"_s);
    QCOMPARE(cell(u"@state"_s, RecordTableModel::StateRole).toInt(), int(RecordState::Synced));
    QVERIFY(cell(u"@state"_s, Qt::ForegroundRole).isValid());
    QCOMPARE(
        cell(u"@updatedAt"_s).toString(),
        QDateTime::fromMSecsSinceEpoch(r.updatedAt, QTimeZone(8 * 3600)).toString(u"yyyy-MM-dd HH:mm"_s));
    QCOMPARE(cell(u"@orgUnit"_s).toString(), r.orgUnit);
    QCOMPARE(cell(u"name"_s, RecordTableModel::RecordIdRole).toString(), r.id);
    QCOMPARE(model.headerData(model.columnOf(u"amount"_s), Qt::Horizontal).toString(), u"补助金额"_s);
    QCOMPARE(model.headerData(model.columnOf(u"@lateSynced"_s), Qt::Horizontal).toString(), u"迟报"_s);

    // Personal data masked, also the raw value; shown in full on request.
    QCOMPARE(cell(u"idNumber"_s).toString(), IdCard::masked(r.idNumber));
    QVERIFY(!cell(u"idNumber"_s).toString().contains(r.idNumber.mid(6, 8)));
    QCOMPARE(cell(u"idNumber"_s, RecordTableModel::RawValueRole).toString(), IdCard::masked(r.idNumber));
    QCOMPARE(cell(u"mobile"_s).toString(), r.mobile.left(3) + u"****"_s + r.mobile.right(4));
    QCOMPARE(cell(u"phone"_s).toString(), r.phone.left(3) + u"******"_s + r.phone.right(4));
    model.setShowPersonal(true);
    QCOMPARE(cell(u"idNumber"_s).toString(), r.idNumber);
    QCOMPARE(cell(u"mobile"_s).toString(), r.mobile);
    QCOMPARE(cell(u"idNumber"_s, RecordTableModel::RawValueRole).toString(), r.idNumber);
    model.setShowPersonal(false);
    QCOMPARE(cell(u"mobile"_s).toString(), maskedPhone(r.mobile));

    // References and org units through the caller's resolvers, each id asked once per reload.
    int asked = 0;
    model.setReferenceResolver(u"householdId"_s, [&asked](const QString &id) -> QString {
        ++asked;
        return u"户 "_s + id;
    });
    model.setOrgUnitResolver([](const QString &id) -> QString { return u"村 "_s + id; });
    QCOMPARE(cell(u"householdId"_s).toString(), u"户 "_s + r.householdId);
    QCOMPARE(cell(u"householdId"_s).toString(), u"户 "_s + r.householdId);
    for (int i = 0; i < model.rowCount(); ++i)
        model.index(i, model.columnOf(u"householdId"_s)).data();
    QCOMPARE(asked, 1);
    QCOMPARE(cell(u"householdId"_s, RecordTableModel::RawValueRole).toString(), r.householdId);
    QCOMPARE(cell(u"@orgUnit"_s).toString(), u"村 "_s + r.orgUnit);
    model.reload();
    QCOMPARE(cell(u"householdId"_s).toString(), u"户 "_s + r.householdId);
    QCOMPARE(asked, 2);

    // Every choice label and both booleans over the household's records.
    model.setEquals(u"householdId"_s, QString());
    model.setEquals(u"@lateSynced"_s, true);
    QVERIFY(model.rowCount() > 0);
    for (int i = 0; i < model.rowCount(); ++i) {
        QCOMPARE(model.index(i, model.columnOf(u"@lateSynced"_s)).data().toString(), u"Late"_s);
        const QString kind =
            model.index(i, model.columnOf(u"kind"_s)).data(RecordTableModel::RawValueRole).toString();
        const QString label = model.index(i, model.columnOf(u"kind"_s)).data().toString();
        QCOMPARE(label, m_type->field(u"kind"_s)->choiceLabel(kind));
        QVERIFY(label == u"脱贫户"_s || label == u"边缘户"_s || label == u"其他"_s);
    }
    QCOMPARE(maskedPhone(u"13812345678"_s), u"138****5678"_s);
    QCOMPARE(maskedPhone(u"12345"_s), u"*****"_s);
}

void TestRecordViews::localChanges()
{
    RecordTableModel model(m_session->cache(), *m_type, columns());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false); // the test fetches; the 6.4 tester cannot nest a synchronous fetch
    const qint64 before = model.totalCount();
    LocalCache &cache = m_session->cache();
    QString error;
    LocalCache::Change add;
    add.type = kType;
    add.recordId = u"rec-local-new"_s;
    add.orgUnitId = u"ou-1"_s;
    add.departmentId = u"dept-1"_s;
    add.changedFields = QJsonObject{{u"name"_s, u"新录入"_s}, {u"kind"_s, u"edge"_s}};
    QVERIFY2(!cache.save(add, m_clock.nowMs(), &error).isEmpty(), qPrintable(error));
    // A record deleted on this computer disappears at once.
    const Rec gone = m_recs.at(20);
    QVERIFY(!gone.deleted);
    LocalCache::Change del;
    del.type = kType;
    del.recordId = gone.id;
    del.orgUnitId = gone.orgUnit;
    del.departmentId = u"dept-1"_s;
    del.kind = sync::OpKind::Delete;
    QVERIFY2(!cache.save(del, m_clock.nowMs(), &error).isEmpty(), qPrintable(error));

    QSignalSpy totals(&model, &RecordTableModel::totalCountChanged);
    model.reload();
    QCOMPARE(model.totalCount(), before); // one more, one fewer
    QCOMPARE(totals.count(), 0);
    QCOMPARE(model.rowOf(gone.id), -1);
    model.setSearchFields({u"name"_s});
    model.setSearch(u"新录入"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, model.columnOf(u"@state"_s)).data().toString(), u"Waiting to be sent"_s);
    QCOMPARE(model.index(0, 0).data(RecordTableModel::StateRole).toInt(), int(RecordState::Pending));
    QCOMPARE(model.index(0, model.columnOf(u"kind"_s)).data().toString(), u"边缘户"_s);
    QCOMPARE(model.index(0, model.columnOf(u"@updatedAt"_s)).data().toString(), QString());
    QVERIFY(!model.index(0, model.columnOf(u"amount"_s)).data(RecordTableModel::RawValueRole).isValid());
    model.setSearch({});
    fetchAll(model);
    QCOMPARE(model.rowOf(gone.id), -1);
    QVERIFY(model.rowOf(u"rec-local-new"_s) >= 0);
    // Undo for the other tests: the new record deleted locally too.
    LocalCache::Change undo = add;
    undo.kind = sync::OpKind::Delete;
    undo.changedFields = {};
    QVERIFY2(!cache.save(undo, m_clock.nowMs(), &error).isEmpty(), qPrintable(error));
    m_recs[20].deleted = true;
    totals.clear();
    model.reload();
    QCOMPARE(model.totalCount(), before - 1);
    QCOMPARE(totals.count(), 1);
}

void TestRecordViews::formValues()
{
    RecordForm form(*m_type);
    // Attachments as a list of files; no editors for workflow steps and derived fields.
    QVERIFY(qobject_cast<QListWidget *>(form.editor(u"files"_s)));
    QVERIFY(!form.editor(u"steps"_s));
    QVERIFY(!form.editor(u"status"_s));
    QVERIFY(qobject_cast<QLineEdit *>(form.editor(u"amount"_s)));
    QVERIFY(qobject_cast<QComboBox *>(form.editor(u"kind"_s)));
    QVERIFY(qobject_cast<QComboBox *>(form.editor(u"householdId"_s)));
    QVERIFY(qobject_cast<QCheckBox *>(form.editor(u"active"_s)));
    QCOMPARE(form.formFields(), QStringList({u"name"_s, u"note"_s, u"count"_s, u"active"_s, u"born"_s,
                                             u"kind"_s, u"phone"_s, u"mobile"_s, u"files"_s, u"amount"_s,
                                             u"idNumber"_s, u"ratio"_s, u"householdId"_s}));
    // Labels with a red star for required fields.
    bool starred = false;
    for (QLabel *l : form.findChildren<QLabel *>()) {
        if (l->text().contains(u"姓名"_s))
            starred = l->text().contains(u'*');
    }
    QVERIFY(starred);

    // A new form: nothing filled in, the required choice not chosen.
    QCOMPARE(form.values(), QJsonObject());
    QCOMPARE(qobject_cast<QComboBox *>(form.editor(u"kind"_s))->currentIndex(), -1);

    form.setReferenceChoices(u"householdId"_s, {{u"hh-1"_s, u"张三户"_s}, {u"hh-2"_s, u"李四户"_s}});
    const QJsonObject full{{u"name"_s, u"王五"_s},
                           {u"note"_s, u"说明"_s},
                           {u"count"_s, 4},
                           {u"active"_s, true},
                           {u"born"_s, u"1980-02-29"_s},
                           {u"kind"_s, u"edge"_s},
                           {u"phone"_s, u"0513-85012345"_s},
                           {u"mobile"_s, u"13812345678"_s},
                           {u"amount"_s, 123456},
                           {u"idNumber"_s, validIdNumber(77)},
                           {u"ratio"_s, 32.0125},
                           {u"householdId"_s, u"hh-2"_s}};
    form.setValues(full);
    QCOMPARE(qobject_cast<QLineEdit *>(form.editor(u"amount"_s))->text(), u"1,234.56"_s);
    QCOMPARE(qobject_cast<QComboBox *>(form.editor(u"kind"_s))->currentText(), u"边缘户"_s);
    QCOMPARE(qobject_cast<QComboBox *>(form.editor(u"householdId"_s))->currentText(), u"李四户"_s);
    QCOMPARE(form.values(), full);
    QVERIFY(form.problems().isEmpty());

    // Typed as clerks type: yuan with separators, dates with slashes, a small x, spaces in a mobile number.
    typeInto(form.editor(u"amount"_s), u"1,234.5"_s);
    typeInto(form.editor(u"born"_s), u"1980/3/1"_s);
    typeInto(form.editor(u"count"_s), u"12"_s);
    typeInto(form.editor(u"ratio"_s), u"31.5"_s);
    const QString idWithX = [] {
        for (int i = 0;; ++i) {
            if (validIdNumber(i).endsWith(u'X'))
                return validIdNumber(i);
        }
    }();
    typeInto(form.editor(u"idNumber"_s), idWithX.toLower());
    typeInto(form.editor(u"mobile"_s), u"139 0000 1111"_s);
    choose(form.editor(u"kind"_s), u"other"_s);
    qobject_cast<QCheckBox *>(form.editor(u"active"_s))->setChecked(false);
    QJsonObject v = form.values();
    QCOMPARE(v.value(u"amount"_s).toInteger(), Q_INT64_C(123450));
    QVERIFY(v.value(u"amount"_s).isDouble());
    QCOMPARE(qobject_cast<QLineEdit *>(form.editor(u"amount"_s))->text(), u"1,234.50"_s);
    QCOMPARE(v.value(u"born"_s).toString(), u"1980-03-01"_s);
    QCOMPARE(qobject_cast<QLineEdit *>(form.editor(u"born"_s))->text(), u"1980-03-01"_s);
    QCOMPARE(v.value(u"count"_s).toInteger(), Q_INT64_C(12));
    QCOMPARE(v.value(u"ratio"_s).toDouble(), 31.5);
    QCOMPARE(v.value(u"idNumber"_s).toString(), idWithX);
    QCOMPARE(v.value(u"mobile"_s).toString(), u"13900001111"_s);
    QCOMPARE(v.value(u"kind"_s).toString(), u"other"_s);
    QCOMPARE(v.value(u"active"_s), QJsonValue(false)); // the record had it: kept as false
    QVERIFY(form.problems().isEmpty());
    QCOMPARE(parseDateInput(u"20260331"_s), QDate(2026, 3, 31));
    QCOMPARE(parseDateInput(u"2026年3月31日"_s), QDate(2026, 3, 31));
    QVERIFY(!parseDateInput(u"2026-02-30"_s).isValid());

    // Emptied optional fields are left out; a choice may be emptied when optional.
    typeInto(form.editor(u"note"_s), QString());
    typeInto(form.editor(u"amount"_s), u"  "_s);
    choose(form.editor(u"householdId"_s), QString());
    v = form.values();
    QVERIFY(!v.contains(u"note"_s));
    QVERIFY(!v.contains(u"amount"_s));
    QVERIFY(!v.contains(u"householdId"_s));
    // A record without the boolean: an untouched unticked box stays absent.
    form.setValues(QJsonObject{{u"name"_s, u"甲"_s}, {u"kind"_s, u"poor"_s}});
    QCOMPARE(form.values(), (QJsonObject{{u"name"_s, u"甲"_s}, {u"kind"_s, u"poor"_s}}));
    // A reference not among the choices is kept.
    form.setValues(QJsonObject{{u"householdId"_s, u"hh-unknown"_s}});
    QCOMPARE(form.values().value(u"householdId"_s).toString(), u"hh-unknown"_s);

    // Tab order follows the fields.
    QStringList order;
    QWidget *w = form.firstEditor();
    QVERIFY(w);
    QHash<QWidget *, QString> names;
    for (const QString &f : form.formFields())
        names.insert(form.editor(f), f);
    for (int i = 0; i < 5000 && order.size() < names.size(); ++i) {
        if (names.contains(w) && !order.contains(names.value(w)))
            order.append(names.value(w));
        w = w->nextInFocusChain();
    }
    QCOMPARE(order, form.formFields());
}

void TestRecordViews::formValidation()
{
    RecordForm form(*m_type);
    form.show();
    form.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    // A wrong ID number and a wrong mobile number: the message beside each, as the clerk leaves the field.
    typeInto(form.editor(u"idNumber"_s), u"320612198001011234"_s);
    QHash<QString, QString> p = form.problems();
    QVERIFY2(p.value(u"idNumber"_s).contains(u"身份证号"_s), qPrintable(p.value(u"idNumber"_s)));
    QVERIFY(!form.findChild<QLabel *>(u"idNumberError"_s)->isHidden());
    typeInto(form.editor(u"mobile"_s), u"12345"_s);
    p = form.problems();
    QCOMPARE(p.value(u"mobile"_s), u"手机号应为 11 位数字，以 1 开头"_s);
    typeInto(form.editor(u"amount"_s), u"12.345"_s);
    QCOMPARE(form.problems().value(u"amount"_s),
             u"“补助金额”: "_s + money::parseErrorMessage(money::ParseError::TooManyDecimals));
    typeInto(form.editor(u"born"_s), u"1980-13-01"_s);
    QVERIFY(form.problems().value(u"born"_s).contains(u"2026-03-31"_s));
    typeInto(form.editor(u"count"_s), u"3.5"_s);
    QVERIFY(form.problems().contains(u"count"_s));
    // Fixed: the message goes away.
    typeInto(form.editor(u"mobile"_s), u"13812345678"_s);
    QVERIFY(!form.problems().contains(u"mobile"_s));
    QVERIFY(form.findChild<QLabel *>(u"mobileError"_s)->isHidden());
    // Tabbing through an empty required field says nothing; emptying it does.
    Q_EMIT qobject_cast<QLineEdit *>(form.editor(u"name"_s))->editingFinished();
    QVERIFY(!form.problems().contains(u"name"_s));
    typeInto(form.editor(u"name"_s), u"王"_s);
    typeInto(form.editor(u"name"_s), QString());
    QCOMPARE(form.problems().value(u"name"_s), u"“姓名”不能为空"_s);

    // The whole record before saving: every field problem at once, the required choice among them.
    sync::RuleContext context;
    context.nowMs = m_clock.nowMs();
    context.today = chinaDateOf(context.nowMs);
    const sync::Placement placement{u"ou-1"_s, {}, OrgLevel::Village, u"dept-1"_s, {}, {}};
    QVERIFY(!form.validate(u"r1"_s, placement, context));
    p = form.problems();
    QVERIFY(p.contains(u"name"_s));
    QVERIFY(p.contains(u"kind"_s));
    QVERIFY(p.contains(u"idNumber"_s));
    QVERIFY(p.contains(u"amount"_s));
    QVERIFY(p.contains(u"born"_s));
    QVERIFY(!p.contains(u"mobile"_s));
    QCOMPARE(QApplication::focusWidget(), form.editor(u"name"_s));

    // Fixed up: the record's own rule, named beside its field.
    typeInto(form.editor(u"name"_s), u"王五"_s);
    typeInto(form.editor(u"idNumber"_s), validIdNumber(5));
    typeInto(form.editor(u"amount"_s), u"12.34"_s);
    typeInto(form.editor(u"born"_s), u"1980-12-01"_s);
    typeInto(form.editor(u"count"_s), u"3"_s);
    choose(form.editor(u"kind"_s), u"other"_s);
    QVERIFY(!form.validate(u"r1"_s, placement, context));
    QCOMPARE(form.problems(), (QHash<QString, QString>{{u"note"_s, u"类别为“其他”时须填写备注"_s}}));
    // A birth date after today is caught with the record (the field check alone cannot know the date).
    context.today = QDate(1950, 1, 1);
    typeInto(form.editor(u"note"_s), u"说明"_s);
    QVERIFY(!form.validate(u"r1"_s, placement, context));
    QVERIFY(form.problems().value(u"idNumber"_s).contains(u"身份证号"_s));
    context.today = chinaDateOf(context.nowMs);
    QVERIFY(form.validate(u"r1"_s, placement, context));
    QVERIFY(form.problems().isEmpty());
    // A problem with a field the form does not show goes to the form-level label.
    typeInto(form.editor(u"note"_s), QString());
    form.setFieldHidden(u"note"_s);
    QVERIFY(!form.validate(u"r1"_s, placement, context));
    QCOMPARE(form.problems(), (QHash<QString, QString>{{QString(), u"类别为“其他”时须填写备注"_s}}));
    // Fields the form does not show come from the base record.
    QVERIFY(form.validate(u"r1"_s, placement, context, QJsonObject{{u"note"_s, u"原有说明"_s}}));
    QCOMPARE(form.merged(QJsonObject{{u"note"_s, u"原有说明"_s}, {u"status"_s, u"open"_s}}).value(u"note"_s),
             QJsonValue(u"原有说明"_s));
}

void TestRecordViews::formHiddenAndFixed()
{
    RecordForm form(*m_type);
    form.setReferenceChoices(u"householdId"_s, {{u"hh-1"_s, u"张三户"_s}});
    form.setFixedValue(u"householdId"_s, u"hh-1"_s);
    form.setFieldHidden(u"ratio"_s);
    QVERIFY(!form.editor(u"householdId"_s)->isEnabled());
    QVERIFY(!form.formFields().contains(u"ratio"_s));
    form.setValues(QJsonObject{{u"name"_s, u"甲"_s}, {u"ratio"_s, 1.5}, {u"householdId"_s, u"hh-9"_s}});
    const QJsonObject v = form.values();
    QCOMPARE(v.value(u"householdId"_s).toString(), u"hh-1"_s); // fixed wins
    QVERIFY(!v.contains(u"ratio"_s));
    // A hidden field keeps the record's value when merged.
    const QJsonObject merged = form.merged(QJsonObject{{u"ratio"_s, 1.5}, {u"note"_s, u"旧"_s}});
    QCOMPARE(merged.value(u"ratio"_s).toDouble(), 1.5);
    QVERIFY(!merged.contains(u"note"_s)); // shown and empty: cleared
    // A fixed value of a field without an editor.
    form.setFixedValue(u"status"_s, u"open"_s);
    QCOMPARE(form.values().value(u"status"_s).toString(), u"open"_s);
    form.setFixedValue(u"householdId"_s, QJsonValue());
    QVERIFY(form.editor(u"householdId"_s)->isEnabled());
}

void TestRecordViews::dialogSavesNewRecord()
{
    LocalCache &cache = m_session->cache();
    const int pending = cache.pendingCount();
    const sync::Placement placement{u"ou-2"_s, {}, OrgLevel::Village, u"dept-1"_s, {}, {}};
    RecordDialog dialog(*m_session, *m_type, placement);
    QVERIFY(dialog.isNewRecord());
    QVERIFY(!dialog.recordId().isEmpty());
    QCOMPARE(dialog.windowTitle(), u"New 测试记录"_s);
    RecordForm *form = dialog.form();
    typeInto(form->editor(u"name"_s), u"新户主"_s);
    typeInto(form->editor(u"mobile"_s), u"1381234"_s);
    typeInto(form->editor(u"amount"_s), u"2,000"_s);
    // Not saved while a field is wrong or a required one empty.
    dialog.submit();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.savedOperationId().isEmpty());
    QVERIFY(dialog.problems().contains(u"mobile"_s));
    QVERIFY(dialog.problems().contains(u"kind"_s));
    QCOMPARE(cache.pendingCount(), pending);

    typeInto(form->editor(u"mobile"_s), u"13812345678"_s);
    choose(form->editor(u"kind"_s), u"poor"_s);
    typeInto(form->editor(u"born"_s), u"1990-5-6"_s);
    dialog.submit();
    QVERIFY2(!dialog.savedOperationId().isEmpty(), qPrintable(dialog.problems().value(QString())));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(cache.pendingCount(), pending + 1);
    const std::optional<CachedRecord> rec = cache.record(dialog.recordId());
    QVERIFY(rec);
    QCOMPARE(rec->state, RecordState::Pending);
    QCOMPARE(rec->record.orgUnitId, u"ou-2"_s);
    QCOMPARE(rec->record.departmentId, u"dept-1"_s);
    const QJsonObject want{{u"name"_s, u"新户主"_s},
                           {u"mobile"_s, u"13812345678"_s},
                           {u"amount"_s, 200000},
                           {u"kind"_s, u"poor"_s},
                           {u"born"_s, u"1990-05-06"_s}};
    QCOMPARE(rec->record.fields, want);
    const QList<sync::Operation> ops = cache.pendingOperations(100000);
    QVERIFY(!ops.isEmpty());
    QCOMPARE(ops.last().recordId, dialog.recordId());
    QCOMPARE(ops.last().changedFields, want);
    QCOMPARE(ops.last().baseVersion, Q_INT64_C(0));
}

void TestRecordViews::dialogSavesOnlyChanges()
{
    LocalCache &cache = m_session->cache();
    const Rec r = m_recs.at(3000);
    QVERIFY(!r.deleted && r.amount && !r.note.isEmpty() && r.kind != u"other"_s);
    const int pending = cache.pendingCount();
    const sync::Placement placement{u"somewhere-else"_s, {}, OrgLevel::Village, u"dept-1"_s, {}, {}};
    {
        RecordDialog dialog(*m_session, *m_type, placement, r.id);
        QVERIFY(!dialog.isNewRecord());
        QCOMPARE(dialog.windowTitle(), u"Edit 测试记录"_s);
        RecordForm *form = dialog.form();
        QCOMPARE(qobject_cast<QLineEdit *>(form->editor(u"amount"_s))->text(), money::formatYuan(*r.amount));
        // Nothing changed: nothing saved.
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(cache.pendingCount(), pending);
        typeInto(form->editor(u"amount"_s), u"88.8"_s);
        typeInto(form->editor(u"note"_s), QString()); // cleared: sent as null
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(cache.pendingCount(), pending + 1);
    const QList<sync::Operation> ops = cache.pendingOperations(100000);
    const sync::Operation op = ops.last();
    QCOMPARE(op.recordId, r.id);
    QCOMPARE(op.orgUnitId, r.orgUnit); // the record stays where it is
    QCOMPARE(op.baseVersion, Q_INT64_C(1));
    QJsonObject want{{u"amount"_s, 8880}};
    if (!r.note.isEmpty())
        want.insert(u"note"_s, QJsonValue::Null);
    QCOMPARE(op.changedFields, want);
    const std::optional<CachedRecord> rec = cache.record(r.id);
    QCOMPARE(rec->record.fields.value(u"amount"_s).toInteger(), Q_INT64_C(8880));
    // Fields the form does not show are kept.
    QCOMPARE(rec->record.fields.value(u"status"_s).toString(), u"open"_s);
    QCOMPARE(rec->record.fields.value(u"files"_s).toArray().size(), 1);
}

void TestRecordViews::dialogResendsReturnedChange()
{
    LocalCache &cache = m_session->cache();
    const Rec r = m_recs.at(4000);
    QVERIFY(!r.deleted && r.kind != u"other"_s);
    QString error;
    LocalCache::Change change;
    change.type = kType;
    change.recordId = r.id;
    change.orgUnitId = r.orgUnit;
    change.departmentId = u"dept-1"_s;
    change.changedFields = QJsonObject{{u"mobile"_s, u"13900000000"_s}};
    QVERIFY(!cache.save(change, m_clock.nowMs(), &error).isEmpty());
    // The server returns it.
    QList<sync::Operation> sent;
    for (const sync::Operation &op : cache.pendingOperations(100000)) {
        if (op.recordId == r.id)
            sent.append(op);
    }
    QCOMPARE(sent.size(), 1);
    sync::OpResult result;
    result.opId = sent.first().opId;
    result.status = sync::OpStatus::Rejected;
    result.code = u"VALIDATION_FAILED"_s;
    result.message = u"该手机号已被他人使用"_s;
    result.field = u"mobile"_s;
    QVERIFY2(cache.applyPushResults(sent, {result}, &error), qPrintable(error));
    QCOMPARE(cache.record(r.id)->state, RecordState::Rejected);

    RecordDialog dialog(*m_session, *m_type, {}, r.id);
    QVERIFY(dialog.problems().value(u"mobile"_s).contains(u"该手机号已被他人使用"_s));
    typeInto(dialog.form()->editor(u"mobile"_s), u"13900000001"_s);
    dialog.submit();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<CachedRecord> rec = cache.record(r.id);
    QCOMPARE(rec->state, RecordState::Pending);
    QCOMPARE(rec->record.fields.value(u"mobile"_s).toString(), u"13900000001"_s);
    QList<sync::Operation> now;
    for (const sync::Operation &op : cache.pendingOperations(100000)) {
        if (op.recordId == r.id)
            now.append(op);
    }
    QCOMPARE(now.size(), 1);
    QCOMPARE(now.first().changedFields, (QJsonObject{{u"mobile"_s, u"13900000001"_s}}));
}

// The list's export as a clerk runs it: the file dialog answers through its test hook, the file written is
// the table as shown (the search applied), and cancelling the dialog writes nothing.
void TestRecordViews::exportThroughTheFileDialog()
{
    RecordListView::Options o;
    o.columns = columns();
    o.searchFields = {u"name"_s};
    o.exportName = u"导出测试"_s;
    RecordListView view(*m_session, *m_type, o);
    view.model().setSearchFields({u"name"_s});
    view.model().setSearch(u"百分之"_s);
    const qint64 shown = view.model().totalCount();
    QVERIFY(shown > 0 && shown < 100);

    const QString path = m_dir.filePath(u"export.xlsx"_s);
    FileDialog::setNextFileName(path);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    view.exportTable();
    QVERIFY2(MessageBox::lastText().contains(QDir::toNativeSeparators(path)),
             qPrintable(MessageBox::lastText()));
    QVERIFY(FileDialog::lastProposed().endsWith(u"导出测试.xlsx"_s)); // the name the clerk is offered
    const io::TableData table = io::readTable(path);
    QVERIFY2(table.ok(), qPrintable(table.error));
    QCOMPARE(table.rows.size(), shown + 1);
    QCOMPARE(table.rows.at(0).value(0), view.model().headerData(0, Qt::Horizontal).toString());
    for (int r = 1; r < table.rows.size(); ++r)
        QVERIFY2(table.rows.at(r).join(u' ').contains(u"百分之"_s), qPrintable(table.rows.at(r).join(u' ')));

    // Cancelled: nothing written, nothing said.
    const QStringList before = QDir(m_dir.path()).entryList(QDir::Files);
    const QString said = MessageBox::lastText();
    FileDialog::setNextFileName(QString());
    MessageBox::setNextAnswer(QMessageBox::Ok); // were a box shown, the test would not hang
    view.exportTable();
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), before);
    QCOMPARE(MessageBox::lastText(), said);
    MessageBox::clearNextAnswer();
}

// The department contacts list (a query model over the cache) under the tester, with its search taking '%'
// and '_' as the characters they are.
void TestRecordViews::contactsModel()
{
    const QList<QPair<QString, QString>> people{
        {u"c-1"_s, u"王 100%"_s}, {u"c-2"_s, u"李 1000"_s}, {u"c-3"_s, u"赵_钱"_s}, {u"c-4"_s, u"赵x钱"_s}};
    const int before = ContactsModel(*m_session).rowCount();
    for (const auto &[id, name] : people) {
        LocalCache::Change c;
        c.type = u"department-contact"_s;
        c.recordId = id;
        c.orgUnitId = u"ou-1"_s;
        c.departmentId = u"dept-1"_s;
        c.changedFields = {{u"name"_s, name}, {u"contactRole"_s, u"liaison"_s}, {u"post"_s, u"联络科员"_s}};
        QString error;
        QVERIFY2(!m_session->cache().save(c, m_clock.nowMs(), &error).isEmpty(), qPrintable(error));
    }
    ContactsModel model(*m_session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), before + 4);
    const auto found = [&](const QString &text) {
        model.setSearch(text);
        QStringList ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.append(model.recordIdAt(r));
        ids.sort();
        return ids;
    };
    QCOMPARE(found(u"%"_s), QStringList{u"c-1"_s});
    QCOMPARE(found(u"_"_s), QStringList{u"c-3"_s});
    QCOMPARE(found(u"100"_s), (QStringList{u"c-1"_s, u"c-2"_s}));
    QCOMPARE(found(u"联络科员"_s).size(), 4);
    QCOMPARE(found(QString()).size(), before + 4);
}

QTEST_MAIN(TestRecordViews)
#include "tst_record_views.moc"
