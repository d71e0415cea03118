variable "name" {
  description = "Name prefix for every resource of the network."
  type        = string
  default     = "ca4"
}

variable "cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "azs" {
  description = "Availability zones to spread the subnets over (one public and one private subnet each)."
  type        = list(string)
  default     = []
}

variable "single_nat_gateway" {
  description = "Whether all private subnets share one NAT gateway (cheaper) instead of one per availability zone."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
