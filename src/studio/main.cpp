#include "widgets/mainwindow/mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    weft::MainWindow window;
    window.show();
    return app.exec();
}
