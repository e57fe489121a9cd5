#include "widgets/mainwindow/mainwindow.h"

namespace weft {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Weft"));
}

} // namespace weft
