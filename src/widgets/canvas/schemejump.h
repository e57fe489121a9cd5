#pragma once

#include <QFrame>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace weft {

class ProjectDocument;
class SchemeListModel;

/// Jump to a scheme (Ctrl+J): a search field over the project's schemes — every word typed
/// must appear in the name, title, connections or api — and the matches below it. Up and
/// Down pick, Enter (or a click) jumps, Escape closes.
class SchemeJump final : public QFrame
{
    Q_OBJECT
public:
    explicit SchemeJump(ProjectDocument *doc, QWidget *parent = nullptr);

    /// Shows it, empty, over the top of `anchor` with the focus in the search field.
    void popup(QWidget *anchor);
    QLineEdit *searchField() const { return m_search; }
    QListView *matchList() const { return m_list; }
    /// The matches of what is typed (rows of SchemeListModel, filtered).
    QSortFilterProxyModel *matches() const { return m_matches; }
    /// Jumps to the current match (the first one if none is picked).
    void accept();

Q_SIGNALS:
    void schemeChosen(const QString &scheme);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void filter(const QString &text);
    void retranslate();

    SchemeListModel *m_model;
    QSortFilterProxyModel *m_matches;
    QLineEdit *m_search;
    QListView *m_list;
    QLabel *m_count;
};

} // namespace weft
