pub fn serve(){}
